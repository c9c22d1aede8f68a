package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Bus;
import dev.rewind.emulator.cpu.CodeCache;
import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.cpu.Interpreter;
import dev.rewind.emulator.device.Htif;
import dev.rewind.emulator.device.MmioDevice;
import dev.rewind.emulator.mem.MemoryImage;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * State capture of a {@link Machine}'s parts: snapshots and their restore, the light {@link Machine#mark()}
 * checkpoint, and the state hash. Holds the machine's HTIF (set when an image with {@code tohost} is loaded).
 */
final class Checkpoints {

    private final MachineConfig cfg;
    private final PhysicalMemory mem;
    private final CodeCache code;
    private final Hart[] harts;
    private final List<MmioDevice> devices;
    private final Bus bus;
    private final Interpreter interp;
    private final Scheduler sched;
    private Htif htif;
    /** Harts, devices and scheduler at the {@link #mark()}, or null. */
    private MachineSnapshot markState;

    Checkpoints(MachineConfig cfg, PhysicalMemory mem, CodeCache code, Hart[] harts, List<MmioDevice> devices,
            Bus bus, Interpreter interp, Scheduler sched) {
        this.cfg = cfg;
        this.mem = mem;
        this.code = code;
        this.harts = harts;
        this.devices = devices;
        this.bus = bus;
        this.interp = interp;
        this.sched = sched;
    }

    void setHtif(Htif htif) {
        this.htif = htif;
    }

    MachineSnapshot snapshot() {
        markState = null;
        return capture(mem.snapshot());
    }

    private MachineSnapshot capture(MemoryImage memory) {
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
                sched.time(), sched.current(), sched.slotsLeft(), sched.exited(), sched.exitCode(), sched.held());
    }

    void mark() {
        mem.mark();
        markState = capture(null);
    }

    void rollbackToMark() {
        if (markState == null || !mem.marked()) {
            throw new IllegalStateException("no mark to roll back to");
        }
        mem.rollback(code::pageReplaced);
        restoreRest(markState);
        markState = null;
    }

    void dropMark() {
        mem.dropMark();
        markState = null;
    }

    void restore(MachineSnapshot s) {
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
        sched.set(s.time, s.currentHart, s.slotsLeft, s.exited, s.exitCode);
        sched.setHeld(s.held);
    }

    long stateHash() {
        long h = mem.contentHash();
        for (Hart t : harts) {
            h = mix(h, t.stateHash());
        }
        for (MmioDevice d : devices) {
            h = mix(h, Arrays.hashCode(d.saveState()));
        }
        if (htif != null) {
            h = mix(h, Arrays.hashCode(htif.saveState()));
        }
        h = mix(h, sched.time());
        h = mix(h, sched.current());
        h = mix(h, sched.slotsLeft());
        if (sched.held() != 0) { // mixed in only when set: hashes of runs without held harts stay as they were
            h = mix(h, sched.held() ^ 0x48454C44L);
        }
        return mix(h, sched.exited() ? 1 + sched.exitCode() : 0);
    }

    private static long mix(long h, long v) {
        return Long.rotateLeft(h ^ v * 0x9E3779B97F4A7C15L, 29) * 0xBF58476D1CE4E5B9L;
    }
}
