package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real gdb-multiarch (Debian package {@code gdb-multiarch}) in batch mode against a stub. */
final class Gdb {
    static final String PACKAGE = "gdb-multiarch";

    private Gdb() {
    }

    static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "gdb-multiarch");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("gdb-multiarch is not installed: these tests drive the real gdb (apt-get install " + PACKAGE + ")");
    }

    /** {@code file ELF}, {@code target remote}, then {@code commands}; gdb's stdout and stderr together. */
    static String batch(Path elf, int port, String... commands) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        script.append("set pagination off\nset confirm off\nset width 0\n");
        script.append("file ").append(elf.toAbsolutePath()).append('\n');
        script.append("target remote 127.0.0.1:").append(port).append('\n');
        for (String c : commands) {
            script.append(c).append('\n');
        }
        Path file = Files.createTempFile("rewind-gdb", ".gdb");
        try {
            Files.writeString(file, script);
            return run(List.of("-nx", "-batch", "-x", file.toString()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable().toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = ("reading gdb's output failed: " + e).getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(Long.getLong("gdb.timeout", 90), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(5000);
            return fail("gdb did not finish within 90 s; output so far:\n"
                    + (out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8)));
        }
        reader.join(10_000);
        return new String(out[0], StandardCharsets.UTF_8);
    }

    /** The text gdb printed between {@code echo <<NAME\n} and {@code echo >>NAME\n} in the script. */
    static String section(String out, String name) {
        int from = out.indexOf("<<" + name + "\n");
        int to = out.indexOf(">>" + name + "\n");
        if (from < 0 || to < from) {
            return fail("no section " + name + " in gdb's output:\n" + out);
        }
        return out.substring(from + name.length() + 3, to);
    }

    /** Script lines that print {@code commands}' output as section {@code name}. */
    static String[] marked(String name, String... commands) {
        String[] lines = new String[commands.length + 2];
        lines[0] = "echo <<" + name + "\\n";
        System.arraycopy(commands, 0, lines, 1, commands.length);
        lines[lines.length - 1] = "echo >>" + name + "\\n";
        return lines;
    }

    static String[] script(Object... parts) {
        List<String> lines = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String[] a) {
                lines.addAll(List.of(a));
            } else {
                lines.add((String) p);
            }
        }
        return lines.toArray(String[]::new);
    }
}
