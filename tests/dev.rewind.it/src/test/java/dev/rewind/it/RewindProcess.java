package dev.rewind.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./rewind} from the repository root as a separate process and collects what it prints. */
final class RewindProcess {

    static final Path ROOT = locateRoot();

    record Result(int exitCode, String out, String err, long millis) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + millis + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private RewindProcess() {
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("rewind"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (the folder holding ./rewind)");
        }
        return dir;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return runWithInput(env, "", args);
    }

    /** Runs ./rewind with {@code input} on its standard input (then end of file). */
    static Result runWithInput(Map<String, String> env, String input, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("rewind").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("REWIND_PLUGINS", ROOT.resolve("tests/dev.rewind.it/target/no-plugins").toString());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./rewind " + String.join(" ", args) + " did not finish within 120 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(process.exitValue(), out.join(), err.join(), millis);
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<read failed: " + e + ">";
            }
        });
    }
}
