package dev.rewind.bench;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.elf.ElfSymbol;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Plugin cost: {@code PluginBench ELF HARTS WARMUP_INSNS INSNS MODE} runs a warm-up machine and then a fresh timed
 * one with one plugin installed and prints {@code mips <figure>}. Modes: {@code none} (no plugin), {@code inline}
 * (an inline per-instruction counter), {@code cond} (the same counter and a
 * conditional callback per block on it that never holds: the compare in translated code), {@code callback} (an empty callback per instruction), {@code functions}
 * (what a function-level trace registers: a block callback at each ELF function entry and an instruction callback
 * at each return), {@code trace} (a function-level trace: the trace bundle's recorder with calls and traps into its ring buffers). One
 * mode per JVM; {@code releng/bench/plugins.sh} alternates them.
 */
public final class PluginBench {
    private PluginBench() {
    }

    static final class Probe implements RewindPlugin {
        final String mode;
        final Set<Long> entries;
        long events;
        Counter c;

        Probe(String mode, Set<Long> entries) {
            this.mode = mode;
            this.entries = entries;
        }

        @Override
        public String name() {
            return "bench-" + mode;
        }

        @Override
        public void install(PluginContext ctx) {
            c = ctx.counter("n");
            ctx.onTranslate(tb -> {
                switch (mode) {
                    case "inline" -> {
                        for (int i = 0; i < tb.size(); i++) {
                            tb.insn(i).inlineAdd(c, 1);
                        }
                    }
                    case "cond" -> {
                        // QEMU's exec_cond_cb on an inline count: translated code compares, the call never happens
                        for (int i = 0; i < tb.size(); i++) {
                            tb.insn(i).inlineAdd(c, 1);
                        }
                        tb.onExecIf(c, dev.rewind.plugin.api.Cond.GE, Long.MAX_VALUE, (hart, time) -> events++);
                    }
                    case "callback" -> {
                        for (int i = 0; i < tb.size(); i++) {
                            tb.insn(i).onExec((hart, time) -> { });
                        }
                    }
                    case "functions" -> {
                        if (entries.contains(tb.pc())) {
                            tb.onExec((hart, time) -> events++);
                        }
                        for (int i = 0; i < tb.size(); i++) {
                            if (tb.insn(i).bits() == 0x00008067 || tb.insn(i).bits() == 0x8082) {
                                tb.insn(i).onExec((hart, time) -> events++);
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("mode " + mode);
                }
            });
        }
    }

    static Machine machine(MachineConfig cfg, ElfImage img, String mode, Set<Long> entries) {
        Machine m = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        m.load(img);
        if (mode.equals("trace")) {
            m.plugins().install(new dev.rewind.trace.TraceRecorder("bench",
                    dev.rewind.trace.TraceOptions.parse("calls,traps", img, 64L << 20),
                    dev.rewind.trace.FunctionTable.of(img), null)).ifPresent(e -> {
                        throw new IllegalStateException(e);
                    });
        } else if (!mode.equals("none")) {
            m.plugins().install(new Probe(mode, entries)).ifPresent(e -> {
                throw new IllegalStateException(e);
            });
        }
        return m;
    }

    public static void main(String[] args) throws Exception {
        ElfImage img = ElfLoader.parse(Path.of(args[0]));
        MachineConfig cfg = MachineConfig.defaults(img.xlen()).withHarts(Integer.parseInt(args[1]));
        long warm = Long.parseLong(args[2]);
        long n = Long.parseLong(args[3]);
        String mode = args[4];
        Set<Long> entries = new HashSet<>();
        for (ElfSymbol s : img.symbols()) {
            if (s.isFunction()) {
                entries.add(s.value());
            }
        }
        machine(cfg, img, mode, entries).run(warm);
        Machine m = machine(cfg, img, mode, entries);
        java.lang.management.ThreadMXBean tx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = tx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        m.run(n);
        long dt = System.nanoTime() - t0;
        long dc = tx.getCurrentThreadCpuTime() - c0;
        System.out.printf("mips %.1f (time %d)%ncpu-mips %.1f%n", m.time() / (dt / 1e3), m.time(), m.time() / (dc / 1e3));
    }
}
