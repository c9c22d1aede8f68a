package dev.rewind.emulator.lockstep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program on {@code qemu-system-riscv32/64} with one instruction per translation block and the CPU state
 * logged before each ({@code -singlestep -d cpu,nochain}). The CPU is cut down to Rewind's ISA (no F, D, S, H,
 * V, bit manipulation), so illegal-instruction behaviour matches. QEMU ends when the program writes the test
 * finisher; otherwise it is killed once its log holds {@code limit} instructions or after a deadline.
 */
final class Qemu {
    private Qemu() {
    }

    /** Log bytes per instruction are at most this (RV64, 13 CSR lines and 8 register lines). */
    private static final long BYTES_PER_ENTRY = 1300;
    private static final long DEADLINE_MS = 30_000;

    record Result(List<QemuState> states, boolean exited, String console) {
    }

    static Result run(Path image, int xlen, String machine, long entry, int limit, Path dir)
            throws IOException, InterruptedException {
        // fresh names per run: a log left by an earlier (killed) run must never be read as this one's
        Path log = Files.createTempFile(dir, "qemu", ".log");
        Path console = Files.createTempFile(dir, "console", ".txt");
        Files.delete(log);
        Files.delete(console);
        String exe = "qemu-system-riscv" + xlen;
        String cpu = "rv" + xlen + ",f=off,d=off,s=off,h=off,v=off,zba=off,zbb=off,zbc=off,zbs=off";
        ProcessBuilder pb = new ProcessBuilder(exe, "-M", machine, "-cpu", cpu, "-bios", "none", "-display", "none",
                "-monitor", "none", "-serial", "file:" + console, "-kernel", image.toString(), "-singlestep", "-d",
                "cpu,nochain", "-D", log.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("qemu.out").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(exe + " is needed for the lockstep tests (Debian: apt-get install qemu-system-misc)",
                    e);
        }
        long maxBytes = (limit + 64L) * BYTES_PER_ENTRY;
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        boolean exited = false;
        try {
            while (System.currentTimeMillis() < deadline) {
                if (p.waitFor(20, TimeUnit.MILLISECONDS)) {
                    exited = true;
                    break;
                }
                if (Files.exists(log) && Files.size(log) > maxBytes) {
                    break;
                }
            }
        } finally {
            if (!exited) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
        String out = Files.exists(console) ? Files.readString(console, java.nio.charset.StandardCharsets.ISO_8859_1)
                : "";
        if (!Files.exists(log)) {
            throw new IOException(exe + " wrote no log: " + Files.readString(dir.resolve("qemu.out")));
        }
        try {
            return new Result(QemuLog.parse(log, entry, limit), exited, out);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(console);
        }
    }
}
