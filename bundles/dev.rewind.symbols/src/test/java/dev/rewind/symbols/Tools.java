package dev.rewind.symbols;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real binutils and gdb as oracles: found on PATH, or the test fails naming the Debian package. */
final class Tools {

    static final Path GUEST = Path.of("../../tests/guest").toAbsolutePath().normalize();

    private Tools() {
    }

    /** Every committed guest ELF. */
    static List<Path> guestElfs() throws IOException {
        try (Stream<Path> s = Files.list(GUEST.resolve("elf"))) {
            return s.filter(p -> p.toString().endsWith(".elf")).sorted().toList();
        }
    }

    static Path tool(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " is not on PATH: install the Debian package " + debianPackage);
    }

    static Path binutil(String name) {
        return tool("riscv64-unknown-elf-" + name, "binutils-riscv64-unknown-elf");
    }

    /** Runs the command with {@code stdin}; returns stdout; fails on a non-zero exit or after 60 s. */
    static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        return run(command, stdin, false);
    }

    /** As {@link #run(List, String)}; with {@code merged}, stderr is interleaved with stdout and the exit code ignored. */
    static String run(List<String> command, String stdin, boolean merged) throws IOException, InterruptedException {
        Path err = Files.createTempFile("rewind-tool", ".err");
        Process p = merged
                ? new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start()
                : new ProcessBuilder(new ArrayList<>(command)).redirectError(err.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("reading " + command.get(0), e);
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        String errors = Files.readString(err);
        Files.delete(err);
        if (p.exitValue() != 0 && !merged) { // merged: gdb -batch exits 1 when its last command failed
            throw new AssertionError(command + " exited with " + p.exitValue() + ":\n" + errors + out.join());
        }
        return out.join();
    }
}
