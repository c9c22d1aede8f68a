package dev.rewind.bench;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Path;

/**
 * The engine's plain speed, through the {@link Machine} API only (so the same source compiles against an older
 * engine: {@code releng/bench/plugins.sh} runs it against the engine before and after a change, alternating):
 * {@code PlainRun ELF HARTS WARMUP_INSNS INSNS} prints {@code mips <figure>} for a fresh machine running INSNS
 * instructions after a warm-up machine ran WARMUP_INSNS.
 */
public final class PlainRun {
    private PlainRun() {
    }

    public static void main(String[] args) throws Exception {
        ElfImage img = ElfLoader.parse(Path.of(args[0]));
        MachineConfig cfg = MachineConfig.defaults(img.xlen()).withHarts(Integer.parseInt(args[1]));
        long warm = Long.parseLong(args[2]);
        long n = Long.parseLong(args[3]);
        Machine w = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        w.load(img);
        w.run(warm);
        Machine m = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        m.load(img);
        java.lang.management.ThreadMXBean tx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = tx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        m.run(n);
        long dt = System.nanoTime() - t0;
        long dc = tx.getCurrentThreadCpuTime() - c0;
        System.out.printf("mips %.1f (time %d)%ncpu-mips %.1f%n", m.time() / (dt / 1e3), m.time(), m.time() / (dc / 1e3));
    }
}
