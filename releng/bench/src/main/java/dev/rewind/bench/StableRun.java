package dev.rewind.bench;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One JVM's compiled speed over time, for {@code releng/bench/stability.sh} (issue #16: stable compilation from one
 * JVM to the next). {@code StableRun ELF WINDOW WINDOWS}: a fresh machine (no warm-up machine before it) runs the ELF
 * in WINDOWS windows of WINDOW slots of virtual time; prints one line per window on standard error (standard output is left to
 * {@code -XX:+PrintCompilation}), {@code window K wall_ms cpu_ms}
 * (the running thread's CPU time), so the first windows show JIT warm-up and the last ones the steady state this
 * JVM's compilation reached. Through the {@link Machine} API only.
 */
public final class StableRun {

    private StableRun() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        ElfImage img = ElfLoader.parse(Path.of(args[0]));
        long window = Long.parseLong(args[1]);
        int windows = Integer.parseInt(args[2]);
        MachineConfig cfg = MachineConfig.defaults(img.xlen());
        Machine m = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        m.load(img);
        ThreadMXBean tx = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < windows; k++) {
            long c0 = tx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long before = m.time();
            m.run(window);
            long ran = m.time() - before;
            if (ran < window) {
                System.err.printf("ended after %d slots of window %d%n", ran, k);
                return;
            }
            System.err.printf("window %d %.1f %.1f%n", k, (System.nanoTime() - t0) / 1e6,
                    (tx.getCurrentThreadCpuTime() - c0) / 1e6);
        }
    }
}
