package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Bus;
import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.cpu.Interpreter;
import dev.rewind.emulator.cpu.Watchpoints;
import dev.rewind.emulator.device.MmioDevice;
import java.util.List;

/**
 * The deterministic scheduler of a {@link Machine}: virtual time, the round-robin position (current hart and slots
 * left in its quantum), the guest's exit and the stop request, and the run loop that drives the interpreter over the
 * machine's harts and devices. Not thread-safe except {@link #requestStop()} and {@link #clearStopRequest()}.
 */
final class Scheduler {

    private static final long CHUNK = 1 << 20;
    /**
     * A lone hart's slices in the first {@link #WARM_SLICE} x {@link #WARM_SLICES} slots of machine time end at
     * multiples of {@link #WARM_SLICE}, later ones run up to {@link #CHUNK}. HotSpot compiles
     * {@code Interpreter.runSlice} (the slice loop that calls every region) after 100-200 invocations; at 2^20 slots
     * per slice that took the first ~2.5e8 instructions, and without on-stack replacement ({@code ./rewind run}:
     * -XX:-UseOnStackReplacement) the loop ran in the bytecode interpreter all that time, then in C1's profiling tier
     * until ~600 invocations (work-calls-rv32, 8e8 instructions: 60 instead of 37 ms of CPU per 5e7 to its end). Short
     * slices first: runSlice reaches C2 within the first ~2e7 slots. 8192 rather than 1024-4096: slices that short also
     * changed the regions' profiles (budget exits at slice ends), and work-crc-rv32's region ran 20% slower for good.
     * Where a slice ends changes nothing the guest sees (OneHartSliceTest, WarmSliceTest); it decides where blocks
     * start (what plugins see), so it depends on machine time only, never on how many slices this scheduler ran before
     * (a re-run after a restore cuts the same slices). {@code -Drewind.warmSlice} / {@code -Drewind.warmSlices}
     * (experiments; 0 slices = off).
     */
    static final long WARM_SLICE = Math.max(1, Long.getLong("rewind.warmSlice", 8192));
    static final long WARM_SLICES = Long.getLong("rewind.warmSlices", 2000);
    /** Turns of the run loop per call of {@link #turns}. */
    private static final int TURNS = 64;
    /** Slices run so far (a count for tests: where slices end does not depend on it). */
    private long slices;

    private final Hart[] harts;
    private final List<MmioDevice> devices;
    private final Bus bus;
    private final Interpreter interp;
    private final int quantum;
    private final dev.rewind.emulator.plugin.PluginHost plugins;
    private long time;
    private int current;
    private long slotsLeft;
    private boolean exited;
    private int exitCode;
    /** Bit i set: hart i is held (not scheduled, as if asleep; its state does not change). */
    private long held;
    private volatile boolean stopRequested;

    Scheduler(Hart[] harts, List<MmioDevice> devices, Bus bus, Interpreter interp, int quantum,
            dev.rewind.emulator.plugin.PluginHost plugins) {
        this.plugins = plugins;
        this.harts = harts;
        this.devices = devices;
        this.bus = bus;
        this.interp = interp;
        this.quantum = quantum;
        this.slotsLeft = quantum;
    }

    long time() {
        return time;
    }

    int current() {
        return current;
    }

    long slotsLeft() {
        return slotsLeft;
    }

    boolean exited() {
        return exited;
    }

    int exitCode() {
        return exitCode;
    }

    long held() {
        return held;
    }

    /** Sets the held harts (bit i = hart i); part of the machine's state (snapshots, state hash). */
    void setHeld(long mask) {
        this.held = mask;
    }

    private boolean isHeld(int hart) {
        return (held >>> hart & 1) != 0;
    }

    /** Back to time 0, hart 0 at the start of its quantum, not exited, no hart held (a freshly loaded image). */
    void reset() {
        set(0, 0, quantum, false, exitCode);
        held = 0;
    }

    /** Sets the scheduler position exactly (a restore). */
    void set(long time, int current, long slotsLeft, boolean exited, int exitCode) {
        this.time = time;
        this.current = current;
        this.slotsLeft = slotsLeft;
        this.exited = exited;
        this.exitCode = exitCode;
    }

    void requestStop() {
        stopRequested = true;
    }

    void clearStopRequest() {
        stopRequested = false;
    }

    /**
     * Runs until virtual time {@code limit} ({@code limitReason}), hart {@code stepHart} (if not negative) has retired
     * {@code stepTarget} instructions (STEP_DONE), or another stop.
     */
    RunResult runUntil(long limit, int stepHart, long stepTarget, StopReason limitReason) {
        if (plugins.needsAttention()) {
            plugins.attend();
        }
        if (plugins.active()) {
            plugins.syncReplay(time);
        }
        RunResult r;
        do {
            r = turns(limit, stepHart, stepTarget, limitReason);
        } while (r == null);
        return r;
    }

    /**
     * At most {@link #TURNS} turns of the run loop (null: no stop yet; the caller calls again, which is the same as
     * going on). A method of its own so that HotSpot compiles the loop by its invocations: {@code ./rewind run} runs
     * without on-stack replacement and calls {@link #runUntil} once, so the loop stayed in the bytecode interpreter for
     * the whole run (several harts, a turn per quantum: work-crc-rv32 on 4 harts ~940-980 vs 1320-1400 CPU-MIPS).
     */
    private RunResult turns(long limit, int stepHart, long stepTarget, StopReason limitReason) {
        for (int turn = 0; turn < TURNS; turn++) {
            if (plugins.needsAttention()) {
                plugins.attend();
            }
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
            if (held != 0) {
                RunResult stuck = heldStop(stepHart);
                if (stuck != null) {
                    return stuck;
                }
            }
            long next = tickDevices();
            if (noneRunnable()) {
                if (next == Long.MAX_VALUE || next <= time) {
                    return RunResult.of(StopReason.DEADLOCK, -1, 0, 0, held == 0
                            ? "all harts wait for an interrupt and no device event is pending"
                            : "every hart that is not held waits for an interrupt and no device event is pending",
                            time);
                }
                time = Math.min(next, limit);
                continue;
            }
            Hart h = harts[current];
            if (h.sleeping() || held != 0 && isHeld(current)) {
                nextHart();
                continue;
            }
            // One hart: quanta change nothing the guest can see (devices tick at their event times, which bound every
            // slice; interrupts are taken where a slice would have been cut anyway), so its slices run over quantum
            // ends, with slotsLeft kept exactly as quantum by quantum (it is machine state: snapshots, state hash).
            boolean alone = harts.length == 1;
            long budget = Math.min(Math.min(alone ? CHUNK : slotsLeft, limit - time), CHUNK);
            if (alone && time < WARM_SLICE * WARM_SLICES) {
                budget = Math.min(budget, WARM_SLICE - time % WARM_SLICE);
            }
            slices++;
            if (next > time) {
                budget = Math.min(budget, next - time);
            }
            if (current == stepHart) {
                budget = Math.max(1, Math.min(budget, stepTarget - h.retired()));
            }
            long used = interp.runSlice(h, budget, time);
            time += used;
            // (alone, a quantum end starts the next quantum at once: slotsLeft is never 0 when the loop stops)
            slotsLeft = alone && used >= slotsLeft ? quantum - (used - slotsLeft) % quantum : slotsLeft - used;
            if (interp.breakpointHart >= 0) {
                int bh = interp.breakpointHart;
                interp.breakpointHart = -1;
                interp.skipBreakpointOnce(bh, harts[bh].pc());
                return RunResult.of(StopReason.BREAKPOINT, bh, harts[bh].pc(), 0, null, time);
            }
            if (bus.watchpoints().hasHit()) {
                advanceIfDone(h);
                Watchpoints.Hit w = bus.watchpoints().takeHit();
                return new RunResult(StopReason.WATCHPOINT, w.hart(), w.addr(), 0, null, time, w.size(), w.value(),
                        w.write());
            }
            if (bus.exitRequested()) {
                exited = true;
                exitCode = bus.exitCode();
                if (plugins.active()) {
                    for (Hart x : harts) {
                        plugins.hartStop(x.id(), time);
                    }
                }
                advanceIfDone(h);
                continue;
            }
            advanceIfDone(h);
            if (stepHart >= 0 && harts[stepHart].retired() >= stepTarget) {
                return RunResult.of(StopReason.STEP_DONE, stepHart, harts[stepHart].pc(), 0, "step done", time);
            }
        }
        return null;
    }

    /** Slices run so far by this scheduler (tests). */
    long slices() {
        return slices;
    }

    /**
     * With harts held: a DEADLOCK stop when nothing can run (every hart held) or the hart being stepped is held
     * (it can never retire more), else null. Never a hang.
     */
    private RunResult heldStop(int stepHart) {
        if (stepHart >= 0 && isHeld(stepHart)) {
            return RunResult.of(StopReason.DEADLOCK, stepHart, harts[stepHart].pc(), 0, "hart " + stepHart
                    + " is held: it cannot retire another instruction", time);
        }
        if (Long.bitCount(held & allHarts()) == harts.length) {
            return RunResult.of(StopReason.DEADLOCK, -1, 0, 0, "every hart is held: nothing can run", time);
        }
        return null;
    }

    private long allHarts() {
        return harts.length == 64 ? -1L : (1L << harts.length) - 1;
    }

    private void advanceIfDone(Hart h) {
        if (slotsLeft <= 0 || h.sleeping()) {
            nextHart();
        }
    }

    private void nextHart() {
        current = (current + 1) % harts.length;
        slotsLeft = quantum;
    }

    /** Whether every hart sleeps or is held. */
    private boolean noneRunnable() {
        for (Hart h : harts) {
            if (!h.sleeping() && (held == 0 || !isHeld(h.id()))) {
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
}
