package dev.rewind.emulator.cpu;

import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.mem.PageFlags;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Data watchpoints on RAM, kept as page flags so that only accesses to watched pages take the slow path.
 * The first hit of an instruction is recorded and the machine stops after that instruction retires.
 */
public final class Watchpoints {

    /** A watched range. */
    public record Watch(long addr, long len, WatchKind kind) {
    }

    /** A recorded hit: the accessing hart, the access (address, size, value) and whether it was a write. */
    public record Hit(int hart, long addr, int size, long value, boolean write, Watch watch) {
    }

    private final PhysicalMemory mem;
    private final List<Watch> watches = new ArrayList<>();
    private Hit hit;

    Watchpoints(PhysicalMemory mem) {
        this.mem = mem;
    }

    public void add(long addr, long len, WatchKind kind) {
        if (len <= 0 || !mem.contains(addr, len)) {
            throw new IllegalArgumentException("watchpoint must cover RAM: 0x" + Long.toHexString(addr) + "+" + len);
        }
        watches.add(new Watch(addr, len, kind));
        refresh();
    }

    public boolean remove(long addr, long len, WatchKind kind) {
        boolean r = watches.remove(new Watch(addr, len, kind));
        refresh();
        return r;
    }

    public List<Watch> list() {
        return List.copyOf(watches);
    }

    /** The pending hit, cleared by {@link #takeHit()}. */
    public Hit takeHit() {
        Hit h = hit;
        hit = null;
        return h;
    }

    public boolean hasHit() {
        return hit != null;
    }

    boolean check(int hart, long addr, int size, long value, boolean write) {
        for (Watch w : watches) {
            if ((write ? w.kind().onWrite() : w.kind().onRead()) && addr < w.addr() + w.len() && w.addr() < addr + size) {
                if (hit == null) {
                    hit = new Hit(hart, addr, size, value, write, w);
                }
                return true;
            }
        }
        return false;
    }

    private void refresh() {
        for (int p = 0; p < mem.pageCount(); p++) {
            if ((mem.flags(p) & (PageFlags.WATCH_READ | PageFlags.WATCH_WRITE)) != 0) {
                mem.setFlag(p, PageFlags.WATCH_READ | PageFlags.WATCH_WRITE, false);
            }
        }
        for (Watch w : watches) {
            for (int p = mem.pageOf(w.addr()); p <= mem.pageOf(w.addr() + w.len() - 1); p++) {
                if (w.kind().onRead()) {
                    mem.setFlag(p, PageFlags.WATCH_READ, true);
                }
                if (w.kind().onWrite()) {
                    mem.setFlag(p, PageFlags.WATCH_WRITE, true);
                }
            }
        }
    }
}
