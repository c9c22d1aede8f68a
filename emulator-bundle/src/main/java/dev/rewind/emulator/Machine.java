package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Bus;
import dev.rewind.emulator.cpu.CodeCache;
import dev.rewind.emulator.cpu.Csrs;
import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.cpu.Instrumentation;
import dev.rewind.emulator.cpu.Interpreter;
import dev.rewind.emulator.cpu.Watchpoints;
import dev.rewind.emulator.device.Clint;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.Htif;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.device.MmioDevice;
import dev.rewind.emulator.device.TestFinisher;
import dev.rewind.emulator.device.Uart16550;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfSegment;
import dev.rewind.emulator.elf.ElfSymbol;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic multi-hart RISC-V machine with the QEMU {@code virt} memory map (test finisher, CLINT,
 * UART 16550, RAM at 0x8000_0000). Virtual time is the number of scheduler slots executed: each slot is
 * one instruction retired or one exception taken by some hart; mtime and the time CSR read it. Harts run
 * round-robin in quanta; a hart in WFI is skipped, and when all sleep time jumps to the next device event.
 * Not thread-safe except {@link #requestStop()}.
 */
public final class Machine {

    private static final long CHUNK = 1 << 20;

    private final MachineConfig cfg;
    private final PhysicalMemory mem;
    private final CodeCache code;
    private final Hart[] harts;
    private final Bus bus;
    private final Interpreter interp;
    private final List<MmioDevice> devices;
    private Htif htif;
    private long time;
    private int current;
    private long slotsLeft;
    private boolean exited;
    private int exitCode;
    private volatile boolean stopRequested;
    /** Harts, devices and scheduler at the {@link #mark()}, or null. */
    private MachineSnapshot markState;

    public Machine(MachineConfig cfg, ConsoleSink console, InputSource input) {
        this.cfg = cfg;
        this.mem = new PhysicalMemory(MachineConfig.RAM_BASE, cfg.ramSize());
        this.code = new CodeCache(mem, cfg.xlen());
        this.harts = new Hart[cfg.harts()];
        for (int i = 0; i < harts.length; i++) {
            harts[i] = new Hart(i, cfg.xlen());
        }
        this.devices = List.of(new TestFinisher(MachineConfig.FINISHER_BASE), new Clint(MachineConfig.CLINT_BASE),
                new Uart16550(MachineConfig.UART_BASE, input));
        this.bus = new Bus(mem, code, harts, devices, console);
        for (MmioDevice d : devices) {
            d.attach(bus);
        }
        this.interp = new Interpreter(bus, code, mem, harts.length);
        this.slotsLeft = cfg.quantum();
    }

    public MachineConfig config() {
        return cfg;
    }

    /**
     * Loads an ELF image into RAM and resets every hart to its entry (a0 = mhartid, a1 = 0). Wires HTIF
     * when the image has a {@code tohost} symbol.
     *
     * @throws LoadException when the image's xlen differs or a segment lies outside RAM
     */
    public void load(ElfImage image) {
        if (image.xlen() != cfg.xlen()) {
            throw new LoadException("ELF is RV" + image.xlen() + " but the machine is RV" + cfg.xlen());
        }
        for (ElfSegment s : image.loadSegments()) {
            if (s.memSize() > 0 && !mem.contains(s.paddr(), s.memSize())) {
                throw new LoadException(String.format("segment 0x%x+0x%x lies outside RAM 0x%x+0x%x", s.paddr(),
                        s.memSize(), mem.base(), mem.size()));
            }
        }
        for (ElfSegment s : image.loadSegments()) {
            byte[] data = s.data();
            bus.debugWrite(s.paddr(), data, 0, data.length);
            if (s.memSize() > data.length) {
                bus.debugWrite(s.paddr() + data.length, new byte[(int) (s.memSize() - data.length)], 0,
                        (int) (s.memSize() - data.length));
            }
        }
        for (Hart h : harts) {
            h.reset(image.entry());
            h.setReg(10, h.id());
        }
        image.symbol("tohost").map(ElfSymbol::value).ifPresent(to -> {
            long from = image.symbol("fromhost").map(ElfSymbol::value).orElse(Htif.NO_FROMHOST);
            htif = new Htif(bus, bus, to, from);
            bus.setTohost(to, htif::onTohostWrite);
        });
        time = 0;
        current = 0;
        slotsLeft = cfg.quantum();
        exited = false;
        bus.clearExit();
    }

    /** Runs until {@code maxInstructions} more slots of virtual time have passed (or another stop). */
    public RunResult run(long maxInstructions) {
        if (maxInstructions < 0) {
            throw new IllegalArgumentException("maxInstructions must not be negative");
        }
        long limit = time + maxInstructions < time ? Long.MAX_VALUE : time + maxInstructions;
        return runUntil(limit, -1, -1, StopReason.LIMIT_REACHED);
    }

    /** Runs until virtual time {@code t} (or another stop). */
    public RunResult runUntilTime(long t) {
        return runUntil(Math.max(t, time), -1, -1, StopReason.TIME_REACHED);
    }

    /** Runs the whole machine until hart {@code hart} retires one more instruction. */
    public RunResult stepHart(int hart) {
        checkHart(hart);
        return runUntil(Long.MAX_VALUE, hart, harts[hart].retired() + 1, StopReason.STEP_DONE);
    }

    /**
     * Runs the whole machine until hart {@code hart} has retired {@code count} instructions in total (or another
     * stop), at full speed; returns STEP_DONE at once if it already has. Used by time travel to find a hart's
     * retirement times by replay.
     */
    public RunResult runUntilRetired(int hart, long count) {
        return runUntilRetired(hart, count, Long.MAX_VALUE);
    }

    /** {@link #runUntilRetired(int, long)}, stopping with TIME_REACHED at virtual time {@code t} if that is first. */
    public RunResult runUntilRetired(int hart, long count, long t) {
        checkHart(hart);
        return runUntil(Math.max(t, time), hart, count, StopReason.TIME_REACHED);
    }

    /** Asks a running machine to stop soon (at a deterministic slot boundary); callable from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Withdraws a {@link #requestStop()} that no run has consumed yet; callable from any thread. */
    public void clearStopRequest() {
        stopRequested = false;
    }

    /**
     * Resuming at a breakpoint: the next forward execution of {@code hart} executes the instruction at its current
     * pc without reporting a breakpoint there, exactly as when resuming after a breakpoint stop of that hart (GDB:
     * a thread resumed at a breakpoint address steps over it). No effect if the pc holds no breakpoint; cleared
     * by {@link #restore} and once the hart executes anything.
     */
    public void stepOverBreakpoint(int hart) {
        checkHart(hart);
        interp.skipBreakpointOnce(hart, harts[hart].pc());
    }

    private RunResult runUntil(long limit, int stepHart, long stepTarget, StopReason limitReason) {
        while (true) {
            if (exited) {
                return RunResult.of(StopReason.EXITED, current, harts[current].pc(), exitCode,
                        "guest exited with code " + exitCode, time);
            }
            if (stopRequested) {
                stopRequested = false;
                return RunResult.of(StopReason.STOP_REQUESTED, current, harts[current].pc(), 0, "stop requested",
                        time);
            }
            if (time >= limit) {
                return RunResult.of(limitReason, current, harts[current].pc(), 0, limitReason.name(), time);
            }
            if (stepHart >= 0 && harts[stepHart].retired() >= stepTarget) {
                return RunResult.of(StopReason.STEP_DONE, stepHart, harts[stepHart].pc(), 0, "step done", time);
            }
            long next = tickDevices();
            if (allSleeping()) {
                if (next == Long.MAX_VALUE || next <= time) {
                    return RunResult.of(StopReason.DEADLOCK, -1, 0, 0,
                            "all harts wait for an interrupt and no device event is pending", time);
                }
                time = Math.min(next, limit);
                continue;
            }
            Hart h = harts[current];
            if (h.sleeping()) {
                nextHart();
                continue;
            }
            long budget = Math.min(Math.min(slotsLeft, limit - time), CHUNK);
            if (next > time) {
                budget = Math.min(budget, next - time);
            }
            if (current == stepHart) {
                budget = Math.max(1, Math.min(budget, stepTarget - h.retired()));
            }
            long used = interp.runSlice(h, budget, time);
            time += used;
            slotsLeft -= used;
            if (interp.breakpointHart >= 0) {
                int bh = interp.breakpointHart;
                interp.breakpointHart = -1;
                interp.skipBreakpointOnce(bh, harts[bh].pc());
                return RunResult.of(StopReason.BREAKPOINT, bh, harts[bh].pc(), 0,
                        String.format("hart %d at breakpoint 0x%x", bh, harts[bh].pc()), time);
            }
            if (bus.watchpoints().hasHit()) {
                advanceIfDone(h);
                Watchpoints.Hit w = bus.watchpoints().takeHit();
                return new RunResult(StopReason.WATCHPOINT, w.hart(), w.addr(), 0, String.format(
                        "hart %d %s %d bytes at 0x%x (value 0x%x)", w.hart(), w.write() ? "wrote" : "read", w.size(),
                        w.addr(), w.value()), time, w.size(), w.value(), w.write());
            }
            if (bus.exitRequested()) {
                exited = true;
                exitCode = bus.exitCode();
                advanceIfDone(h);
                continue;
            }
            advanceIfDone(h);
            if (stepHart >= 0 && harts[stepHart].retired() >= stepTarget) {
                return RunResult.of(StopReason.STEP_DONE, stepHart, harts[stepHart].pc(), 0, "step done", time);
            }
        }
    }

    private void advanceIfDone(Hart h) {
        if (slotsLeft <= 0 || h.sleeping()) {
            nextHart();
        }
    }

    private void nextHart() {
        current = (current + 1) % harts.length;
        slotsLeft = cfg.quantum();
    }

    private boolean allSleeping() {
        for (Hart h : harts) {
            if (!h.sleeping()) {
                return false;
            }
        }
        return true;
    }

    /** Ticks devices whose event time has come; returns the earliest future event time. */
    private long tickDevices() {
        bus.setTime(time);
        long next = Long.MAX_VALUE;
        for (MmioDevice d : devices) {
            if (d.nextEventTime() <= time) {
                d.tick(time);
            }
            next = Math.min(next, d.nextEventTime());
        }
        return next;
    }

    // ---- state access ----

    public long time() {
        return time;
    }

    public int hartCount() {
        return harts.length;
    }

    public long retired(int hart) {
        checkHart(hart);
        return harts[hart].retired();
    }

    /** The live hart (registers, pc, privilege): read and modify it only while the machine is stopped. */
    public Hart hart(int hart) {
        checkHart(hart);
        return harts[hart];
    }

    public long readCsr(int hart, int csr) {
        return Csrs.debugRead(hart(hart), csr, time);
    }

    public void writeCsr(int hart, int csr, long value) {
        Csrs.debugWrite(hart(hart), csr, value, time);
    }

    /** The hart the scheduler runs next and the slots left in its quantum. */
    public int currentHart() {
        return current;
    }

    public long slotsLeftInQuantum() {
        return slotsLeft;
    }

    private void checkHart(int hart) {
        if (hart < 0 || hart >= harts.length) {
            throw new IllegalArgumentException("no hart " + hart + " (machine has " + harts.length + ")");
        }
    }

    public void readMemory(long addr, byte[] dst, int off, int len) {
        DebugMemory.read(mem, bus, addr, dst, off, len);
    }

    public void writeMemory(long addr, byte[] src, int off, int len) {
        DebugMemory.write(mem, bus, addr, src, off, len);
    }

    // ---- debugging and instrumentation ----

    public boolean addBreakpoint(long pc) {
        return code.addBreakpoint(pc);
    }

    public boolean removeBreakpoint(long pc) {
        return code.removeBreakpoint(pc);
    }

    public List<Long> breakpoints() {
        return code.breakpoints();
    }

    public void addWatchpoint(long addr, long len, WatchKind kind) {
        bus.watchpoints().add(addr, len, kind);
    }

    public boolean removeWatchpoint(long addr, long len, WatchKind kind) {
        return bus.watchpoints().remove(addr, len, kind);
    }

    public void addInstrumentation(Instrumentation i) {
        code.addInstrumentation(i);
    }

    public void removeInstrumentation(Instrumentation i) {
        code.removeInstrumentation(i);
    }

    /**
     * Turns the bytecode translator on or off (default on; {@code -Drewind.jit=false} turns it off) and sets
     * how often a block runs before it is translated. Execution and state hashes are identical either way.
     */
    public void setTranslation(boolean enabled, int threshold) {
        interp.setTranslation(enabled, threshold);
    }

    /** Translator counters: regions translated, blocks covered, failed translations. */
    public long[] translationCounts() {
        return interp.translationCounts();
    }

    // ---- snapshots ----

    public MachineSnapshot snapshot() {
        markState = null;
        return capture(mem.snapshot());
    }

    private MachineSnapshot capture(dev.rewind.emulator.mem.MemoryImage memory) {
        Hart[] hs = new Hart[harts.length];
        for (int i = 0; i < hs.length; i++) {
            hs[i] = new Hart(i, cfg.xlen());
            harts[i].copyTo(hs[i]);
        }
        List<byte[]> ds = new ArrayList<>();
        for (MmioDevice d : devices) {
            ds.add(d.saveState());
        }
        return new MachineSnapshot(cfg, hs, List.copyOf(ds), htif == null ? null : htif.saveState(), memory,
                time, current, slotsLeft, exited, exitCode);
    }

    /**
     * A light checkpoint for going back a short way: saves harts, devices and scheduler now, and the old contents
     * of each RAM page at its first store from now on (instead of a snapshot's copy of every page written since
     * the last one). One at a time; {@link #snapshot()} and {@link #restore} drop it.
     */
    public void mark() {
        mem.mark();
        markState = capture(null);
    }

    /**
     * Brings the machine back to the {@link #mark()} exactly, and drops the mark.
     *
     * @throws IllegalStateException if there is no mark
     */
    public void rollbackToMark() {
        if (markState == null || !mem.marked()) {
            throw new IllegalStateException("no mark to roll back to");
        }
        mem.rollback(code::pageReplaced);
        restoreRest(markState);
        markState = null;
    }

    /** Forgets the {@link #mark()}, if any; the machine stays as it is. */
    public void dropMark() {
        mem.dropMark();
        markState = null;
    }

    public void restore(MachineSnapshot s) {
        if (!s.config.equals(cfg)) {
            throw new IllegalArgumentException("snapshot of a differently configured machine: " + s.config);
        }
        markState = null;
        mem.restore(s.memory, code::pageReplaced);
        restoreRest(s);
    }

    /** Everything of a restore but RAM. */
    private void restoreRest(MachineSnapshot s) {
        for (int i = 0; i < harts.length; i++) {
            s.harts[i].copyTo(harts[i]);
        }
        for (int i = 0; i < devices.size(); i++) {
            devices.get(i).restoreState(s.deviceStates.get(i));
        }
        if (htif != null && s.htifState != null) {
            htif.restoreState(s.htifState);
        }
        bus.refreshReservationFlags();
        bus.clearExit();
        bus.watchpoints().takeHit();
        interp.clearBreakpointSkips();
        time = s.time;
        current = s.currentHart;
        slotsLeft = s.slotsLeft;
        exited = s.exited;
        exitCode = s.exitCode;
    }

    /** Deterministic hash of harts, devices, RAM and scheduler state. */
    public long stateHash() {
        long h = mem.contentHash();
        for (Hart t : harts) {
            h = mix(h, t.stateHash());
        }
        for (MmioDevice d : devices) {
            h = mix(h, java.util.Arrays.hashCode(d.saveState()));
        }
        if (htif != null) {
            h = mix(h, java.util.Arrays.hashCode(htif.saveState()));
        }
        h = mix(h, time);
        h = mix(h, current);
        h = mix(h, slotsLeft);
        return mix(h, exited ? 1 + exitCode : 0);
    }

    private static long mix(long h, long v) {
        return Long.rotateLeft(h ^ v * 0x9E3779B97F4A7C15L, 29) * 0xBF58476D1CE4E5B9L;
    }
}
