package dev.rewind.mcd.backend;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.MachineSnapshot;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.cpu.Instrumentation;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.isa.Decoded;
import java.util.ArrayList;
import java.util.List;

/** {@link Engine} over {@link Machine}. */
final class MachineEngine implements Engine {
    /** Longest run used to "step" a hart that sleeps in WFI (it may never retire). */
    static final long SLEEP_STEP_BUDGET = 100_000;

    private final Machine machine;
    private final ElfImage image;
    private final MachineSnapshot initial;
    private Instrumentation traceInstr;

    MachineEngine(MachineConfig cfg, ElfImage image, Console console, ConsoleSink userConsole) {
        LiveInput input = new LiveInput(console);
        ConsoleSink sink = b -> {
            console.guestByte(b & 0xff);
            if (userConsole != null) {
                userConsole.write(b);
            }
        };
        this.machine = new Machine(cfg, sink, input);
        input.clock = machine::time;
        this.image = image;
        machine.load(image);
        this.initial = machine.snapshot();
    }

    Machine machine() {
        return machine;
    }

    @Override
    public int xlen() {
        return machine.config().xlen();
    }

    @Override
    public int harts() {
        return machine.hartCount();
    }

    @Override
    public long ramBase() {
        return MachineConfig.RAM_BASE;
    }

    @Override
    public long ramSize() {
        return machine.config().ramSize();
    }

    @Override
    public long time() {
        return machine.time();
    }

    @Override
    public long retired(int hart) {
        return machine.retired(hart);
    }

    @Override
    public boolean sleeping(int hart) {
        return machine.hart(hart).sleeping();
    }

    private static Stop convert(RunResult r) {
        Kind k = switch (r.reason()) {
            case EXITED -> Kind.EXITED;
            case BREAKPOINT -> Kind.BREAKPOINT;
            case WATCHPOINT -> Kind.WATCHPOINT;
            case LIMIT_REACHED -> Kind.LIMIT;
            case TIME_REACHED -> Kind.TIME;
            case STEP_DONE -> Kind.STEP;
            case STOP_REQUESTED -> Kind.STOP_REQUESTED;
            case DEADLOCK -> Kind.DEADLOCK;
        };
        int access = r.reason() == dev.rewind.emulator.StopReason.WATCHPOINT
                ? (r.accessWrite() ? TriggerTable.WATCH_WRITE : TriggerTable.WATCH_READ) : 0;
        return new Stop(k, Math.max(r.hart(), 0), r.address(), r.accessSize(), r.accessValue(), access, r.exitCode(),
                r.message());
    }

    @Override
    public Stop run(long maxInstructions) {
        return convert(machine.run(maxInstructions));
    }

    @Override
    public Stop runUntilTime(long time) {
        return convert(machine.runUntilTime(time));
    }

    @Override
    public Stop stepHart(int hart) {
        if (machine.hart(hart).sleeping()) {
            Stop s = convert(machine.run(SLEEP_STEP_BUDGET));
            return s.kind() == Kind.LIMIT ? new Stop(Kind.STEP, hart, machine.hart(hart).pc(), 0, 0, 0, 0,
                    "hart " + hart + " sleeps in wfi") : s;
        }
        return convert(machine.stepHart(hart));
    }

    @Override
    public void requestStop() {
        machine.requestStop();
    }

    @Override
    public long reg(int hart, int r) {
        return machine.hart(hart).reg(r);
    }

    @Override
    public void setReg(int hart, int r, long v) {
        machine.hart(hart).setReg(r, v);
    }

    @Override
    public long pc(int hart) {
        return machine.hart(hart).pc();
    }

    @Override
    public void setPc(int hart, long v) {
        machine.hart(hart).setPc(v);
    }

    @Override
    public long csr(int hart, int number) {
        return machine.readCsr(hart, number);
    }

    @Override
    public void setCsr(int hart, int number, long value) {
        machine.writeCsr(hart, number, value);
    }

    @Override
    public void readMemory(long addr, byte[] dst, int off, int len) {
        machine.readMemory(addr, dst, off, len);
    }

    @Override
    public void writeMemory(long addr, byte[] src, int off, int len) {
        machine.writeMemory(addr, src, off, len);
    }

    @Override
    public void breakpoint(long pc, boolean on) {
        if (on) {
            machine.addBreakpoint(pc);
        } else {
            machine.removeBreakpoint(pc);
        }
    }

    @Override
    public void watchpoint(long addr, long len, int kind, boolean on) {
        WatchKind k = kind == TriggerTable.WATCH_READ ? WatchKind.READ
                : kind == TriggerTable.WATCH_WRITE ? WatchKind.WRITE : WatchKind.ACCESS;
        if (on) {
            machine.addWatchpoint(addr, len, k);
        } else {
            machine.removeWatchpoint(addr, len, k);
        }
    }

    @Override
    public Object snapshot() {
        return machine.snapshot();
    }

    @Override
    public void restore(Object snapshot) {
        machine.restore((MachineSnapshot) snapshot);
    }

    @Override
    public void resetSystem() {
        machine.restore(initial);
    }

    @Override
    public void resetHart(int hart) {
        machine.hart(hart).reset(image.entry());
        machine.hart(hart).setReg(10, hart);
    }

    @Override
    public void traceHook(TraceHook hook) {
        if (traceInstr != null) {
            machine.removeInstrumentation(traceInstr);
            traceInstr = null;
        }
        if (hook == null) {
            return;
        }
        traceInstr = block -> {
            List<Decoded> insns = block.instructions();
            int n = insns.size();
            long[] pcs = new long[n];
            int[] bits = new int[n];
            int[] lengths = new int[n];
            for (int i = 0; i < n; i++) {
                pcs[i] = block.pcOf(i);
                bits[i] = insns.get(i).bits();
                lengths[i] = insns.get(i).length();
            }
            block.onExecute((hartId, pc) -> hook.block(hartId, pcs, bits, lengths, machine.retired(hartId)));
        };
        machine.addInstrumentation(traceInstr);
    }

    /**
     * Guest input from mcd_send_msg_f: bytes are stamped with the virtual time at which the
     * machine first sees them and logged, so a replay after restore delivers them identically.
     */
    static final class LiveInput implements InputSource {
        private final Console console;
        private final List<long[]> log = new ArrayList<>();
        private long pos;
        java.util.function.LongSupplier clock = () -> 0;

        LiveInput(Console console) {
            this.console = console;
        }

        @Override
        public long nextTime() {
            if (pos == log.size()) {
                long now = clock.getAsLong();
                for (byte b : console.drainInput()) {
                    log.add(new long[] {now, b & 0xff});
                }
            }
            return pos < log.size() ? log.get((int) pos)[0] : Long.MAX_VALUE;
        }

        @Override
        public int take() {
            if (nextTime() == Long.MAX_VALUE) {
                throw new IllegalStateException("no input byte");
            }
            return (int) log.get((int) pos++)[1];
        }

        @Override
        public long position() {
            return pos;
        }

        @Override
        public void seek(long position) {
            if (position < 0 || position > log.size()) {
                throw new IllegalArgumentException("input position " + position + " outside 0.." + log.size());
            }
            pos = position;
        }
    }
}
