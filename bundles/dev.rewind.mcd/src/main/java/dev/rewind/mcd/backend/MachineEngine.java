package dev.rewind.mcd.backend;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.cpu.Instrumentation;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.isa.Decoded;
import dev.rewind.emulator.travel.Bookmark;
import dev.rewind.emulator.travel.DebuggerWrite;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import dev.rewind.emulator.travel.TravelResult;
import java.util.ArrayList;
import java.util.List;

/** {@link Engine} over the engine's {@link TimeMachine} (the one time-travel implementation). */
final class MachineEngine implements Engine {
    /** Longest run used to "step" a hart that sleeps in WFI (it may never retire). */
    static final long SLEEP_STEP_BUDGET = 100_000;

    private final TimeMachine tm;
    private final Machine machine;
    private final ElfImage image;
    private final boolean travels;
    private Instrumentation traceInstr;
    private final SessionRecording recording;

    /** @param snapshotInterval instructions between snapshots; 0 = no time travel */
    MachineEngine(MachineConfig cfg, ElfImage image, Console console, ConsoleSink userConsole, long snapshotInterval) {
        this(cfg, image, console, userConsole, snapshotInterval, new SessionRecording("", image.sha256(), null));
    }

    /** As above, for a session that can be saved as (or was opened from) a recording. */
    MachineEngine(MachineConfig cfg, ElfImage image, Console console, ConsoleSink userConsole, long snapshotInterval,
            SessionRecording recording) {
        ConsoleSink sink = b -> {
            console.guestByte(b & 0xff);
            if (userConsole != null) {
                userConsole.write(b);
            }
        };
        this.travels = snapshotInterval > 0;
        TravelConfig tc = TravelConfig.defaults().withInterval(travels ? snapshotInterval : Long.MAX_VALUE / 4);
        this.tm = recording.timeMachine(cfg, image, sink, tc);
        this.machine = tm.machine();
        this.image = image;
        this.recording = recording;
    }

    TimeMachine timeMachine() {
        return tm;
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
        return tm.time();
    }

    @Override
    public long retired(int hart) {
        return tm.retired(hart);
    }

    @Override
    public boolean sleeping(int hart) {
        return machine.hart(hart).sleeping();
    }

    static Stop convert(RunResult r) {
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

    /** {@code arrived} is the kind an ARRIVED result without an engine stop means. */
    private Stop convert(TravelResult r, Kind arrived) {
        if (r.stop() != null && r.kind() != TravelResult.Kind.ARRIVED) {
            return convert(r.stop());
        }
        Kind k = switch (r.kind()) {
            case ARRIVED -> arrived;
            case HISTORY_START -> Kind.HISTORY_START;
            case LIMIT_REACHED -> Kind.LIMIT;
            case STOP_REQUESTED -> Kind.STOP_REQUESTED;
            case EXITED -> Kind.EXITED;
            case DEADLOCK -> Kind.DEADLOCK;
            default -> r.stop() != null ? convert(r.stop()).kind() : Kind.OTHER;
        };
        int hart = Math.max(r.hart(), 0);
        return new Stop(k, hart, machine.hart(hart).pc(), 0, 0, 0, 0, r.message());
    }

    @Override
    public Stop run(long maxInstructions) {
        return convert(tm.run(maxInstructions), Kind.LIMIT);
    }

    @Override
    public Stop runUntilTime(long time) {
        return convert(tm.runUntilTime(time), Kind.TIME);
    }

    @Override
    public Stop stepHart(int hart) {
        if (machine.hart(hart).sleeping()) {
            Stop s = run(SLEEP_STEP_BUDGET);
            return s.kind() == Kind.LIMIT ? new Stop(Kind.STEP, hart, machine.hart(hart).pc(), 0, 0, 0, 0,
                    "hart " + hart + " sleeps in wfi") : s;
        }
        return convert(tm.stepHart(hart), Kind.STEP);
    }

    @Override
    public void hold(long mask) {
        tm.hold(mask);
    }

    @Override
    public long held() {
        return tm.held();
    }

    @Override
    public void requestStop() {
        tm.requestStop();
    }

    @Override
    public void clearStopRequest() {
        machine.clearStopRequest();
    }

    @Override
    public long reg(int hart, int r) {
        return machine.hart(hart).reg(r);
    }

    @Override
    public void setReg(int hart, int r, long v) {
        tm.setRegister(hart, r, v);
    }

    @Override
    public long pc(int hart) {
        return machine.hart(hart).pc();
    }

    @Override
    public void setPc(int hart, long v) {
        tm.setPc(hart, v);
    }

    @Override
    public long csr(int hart, int number) {
        return machine.readCsr(hart, number);
    }

    @Override
    public void setCsr(int hart, int number, long value) {
        tm.writeCsr(hart, number, value);
    }

    @Override
    public void readMemory(long addr, byte[] dst, int off, int len) {
        machine.readMemory(addr, dst, off, len);
    }

    @Override
    public void writeMemory(long addr, byte[] src, int off, int len) {
        tm.writeMemory(addr, src, off, len);
    }

    @Override
    public void sendInput(byte[] data) {
        tm.input().ifPresent(log -> log.truncateAfter(tm.time())); // input of an opened recording's future
        tm.sendInput(data);
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
    public void resetSystem() {
        tm.goToTime(tm.earliestTime());
        tm.discardFuture();
    }

    @Override
    public void resetHart(int hart) {
        tm.apply(DebuggerWrite.hartReset(hart, image.entry()));
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

    @Override
    public dev.rewind.emulator.plugin.PluginHost plugins() {
        return machine.plugins();
    }

    // --- time travel

    @Override
    public boolean travels() {
        return travels;
    }

    @Override
    public long earliestTime() {
        return tm.earliestTime();
    }

    @Override
    public long newestTime() {
        return tm.newestTime();
    }

    @Override
    public dev.rewind.emulator.travel.HistoryStats historyStats() {
        return travels ? tm.stats() : null;
    }

    @Override
    public Stop goToTime(long time) {
        return convert(tm.goToTime(time), Kind.TIME);
    }

    @Override
    public Stop reverseStep(int hart, long n) {
        return convert(tm.reverseStep(hart, n), Kind.STEP);
    }

    @Override
    public void cancelSearch() {
        tm.cancelSearch();
    }

    @Override
    public Stop reverseContinue(int hart, java.util.function.Predicate<Stop> stopsHere) {
        return convert(tm.reverseContinue(r -> (hart < 0 || r.hart() == hart) && stopsHere.test(convert(r))),
                Kind.OTHER);
    }

    @Override
    public Stop reverseToLastWrite(long addr, long len) {
        return convert(tm.reverseToLastWrite(addr, len), Kind.OTHER);
    }

    @Override
    public Mark addBookmark(String name) {
        Bookmark b = tm.addBookmark(name, "");
        return new Mark(b.name(), b.time());
    }

    @Override
    public Stop goToBookmark(String name) {
        return convert(tm.goToBookmark(name), Kind.TIME);
    }

    @Override
    public void deleteBookmark(String name) {
        tm.deleteBookmark(name);
    }

    @Override
    public List<Mark> bookmarks() {
        List<Mark> out = new ArrayList<>();
        for (Bookmark b : tm.bookmarks()) {
            out.add(new Mark(b.name(), b.time()));
        }
        return out;
    }

    // --- recordings

    @Override
    public dev.rewind.emulator.travel.Recording toRecording() {
        return recording.capture(tm);
    }

    @Override
    public dev.rewind.emulator.travel.Recording openedFrom() {
        return recording.opened();
    }

    @Override
    public long stateHash() {
        return machine.stateHash();
    }
}
