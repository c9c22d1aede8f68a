package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdFlag;
import dev.rewind.mcd.api.TrigAction;
import dev.rewind.mcd.api.TrigComplexCore;
import dev.rewind.mcd.api.TrigOption;
import dev.rewind.mcd.api.TrigSimpleCore;
import dev.rewind.mcd.api.TrigType;
import dev.rewind.mcd.api.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The triggers of one machine, all cores together (ids are machine-wide, from 1). A trigger
 * belongs to the core that created it and fires only for that core's hart (or, for a complex
 * trigger with HW_THREAD_IS_CONDITION, the hart it names). Instruction-address triggers are
 * software (unlimited) unless IMPL_HARDWARE is asked, which counts against the per-hart
 * hardware limit like every watchpoint. Engine breakpoints and watchpoints are shared by
 * reference count, since several triggers may cover the same address. Not thread-safe: the
 * owner serialises access.
 */
final class TriggerTable {

    /** Where armed triggers go: the engine's breakpoints and watchpoints. */
    interface Arming {
        void breakpoint(long pc, boolean on);

        /** kind: 1 read, 2 write, 3 read or write. */
        void watchpoint(long addr, long len, int kind, boolean on);
    }

    static final int WATCH_READ = 1;
    static final int WATCH_WRITE = 2;

    /** One created trigger. */
    static final class Entry {
        final int id;
        final int owner;
        final Trigger trig;
        final boolean hardware;
        boolean captured;

        Entry(int id, int owner, Trigger trig, boolean hardware) {
            this.id = id;
            this.owner = owner;
            this.trig = trig;
            this.hardware = hardware;
        }

        boolean isIp() {
            return trig.type() == TrigType.IP.bit();
        }

        int watchKind() {
            int t = trig.type();
            return t == TrigType.READ.bit() ? WATCH_READ : t == TrigType.WRITE.bit() ? WATCH_WRITE
                    : t == TrigType.RW.bit() ? WATCH_READ | WATCH_WRITE : 0;
        }

        Addr start() {
            return trig instanceof TrigSimpleCore s ? s.addrStart() : ((TrigComplexCore) trig).addrStart();
        }

        long range() {
            return trig instanceof TrigSimpleCore s ? s.addrRange() : ((TrigComplexCore) trig).addrRange();
        }

        /** Stops the machine when hit (DEFAULT only marks the trigger captured). */
        boolean stops() {
            return trig.action() != TrigAction.DEFAULT.bit();
        }
    }

    private final SharedPoints points;
    private final int hwPerHart;
    private final int physicalSpace;
    private final Map<Integer, Entry> entries = new TreeMap<>();
    private int nextId = 1;

    TriggerTable(Arming arming, int hwPerHart, int physicalSpace) {
        this.points = new SharedPoints(arming);
        this.hwPerHart = hwPerHart;
        this.physicalSpace = physicalSpace;
    }

    int hwPerHart() {
        return hwPerHart;
    }

    Entry create(int owner, Trigger trig) throws McdException {
        Trigger stored = TriggerRequests.stored(trig, physicalSpace);
        boolean hardware = trig.type() != TrigType.IP.bit() || (trig.option() & TrigOption.IMPL_HARDWARE.bit()) != 0;
        if (hardware && hardwareInUse(owner) >= hwPerHart) {
            throw TriggerRequests.refused("all " + hwPerHart + " hardware triggers of hart " + owner + " are in use");
        }
        Entry e = new Entry(nextId++, owner, stored, hardware);
        entries.put(e.id, e);
        arm(e, true);
        return e;
    }

    private int hardwareInUse(int owner) {
        int n = 0;
        for (Entry e : entries.values()) {
            if (e.owner == owner && e.hardware) {
                n++;
            }
        }
        return n;
    }

    Entry get(int owner, int id) throws McdException {
        Entry e = entries.get(id);
        if (e == null || e.owner != owner) {
            throw new McdException(McdErrorCode.TRIG_ACCESS, "no trigger " + Integer.toUnsignedString(id)
                    + " on this core");
        }
        return e;
    }

    void remove(int owner, int id) throws McdException {
        Entry e = get(owner, id);
        entries.remove(id);
        arm(e, false);
    }

    void removeAll(int owner) {
        for (Entry e : ownedBy(owner)) {
            entries.remove(e.id);
            arm(e, false);
        }
    }

    List<Entry> ownedBy(int owner) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.owner == owner) {
                out.add(e);
            }
        }
        return out;
    }

    List<Entry> all() {
        return List.copyOf(entries.values());
    }

    /** Disarm (or re-arm) every trigger in the engine, e.g. around a replay. */
    void armAll(boolean on) {
        for (Entry e : entries.values()) {
            arm(e, on);
        }
    }

    private void arm(Entry e, boolean on) {
        points.arm(e, on);
    }

    /** The triggers hit by hart {@code hart} fetching {@code pc}, in id order. */
    List<Entry> matchExecution(int hart, long pc) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.isIp() && firesFor(e, hart) && e.start().address() == pc) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The triggers hit by a data access, in id order. {@code kind} is WATCH_READ or
     * WATCH_WRITE, or 0 if unknown (then any watch kind matches).
     */
    List<Entry> matchAccess(int hart, long addr, int size, long value, int kind) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.isIp() || !firesFor(e, hart)) {
                continue;
            }
            if (kind != 0 && (e.watchKind() & kind) == 0) {
                continue;
            }
            long lo = e.start().address();
            long hi = lo + e.range();
            if (Long.compareUnsigned(addr + Math.max(size, 1) - 1, lo) < 0 || Long.compareUnsigned(addr, hi) > 0) {
                continue;
            }
            if (e.trig instanceof TrigComplexCore c && !dataMatches(c, size, value)) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /**
     * The one hart for which triggers that stop can fire, or -1 if there are several (or a trigger
     * names its hart by condition). Lets reverse-continue ask the engine for that hart's stops only.
     */
    int singleStoppingHart() {
        int hart = -1;
        for (Entry e : entries.values()) {
            if (!e.stops()) {
                continue;
            }
            if (e.trig instanceof TrigComplexCore c && McdFlag.has(c.option(), TrigOption.HW_THREAD_IS_CONDITION)) {
                return -1;
            }
            if (hart >= 0 && hart != e.owner) {
                return -1;
            }
            hart = e.owner;
        }
        return hart;
    }

    /** The first of {@code hits} whose action stops the machine, or null. */
    static Entry stopping(List<Entry> hits) {
        for (Entry e : hits) {
            if (e.stops()) {
                return e;
            }
        }
        return null;
    }

    private static boolean firesFor(Entry e, int hart) {
        if (e.trig instanceof TrigComplexCore c && McdFlag.has(c.option(), TrigOption.HW_THREAD_IS_CONDITION)) {
            boolean same = c.hwThreadId() == hart;
            return McdFlag.has(c.option(), TrigOption.NOT_HW_THREAD) != same;
        }
        return e.owner == hart;
    }

    static boolean dataMatches(TrigComplexCore c, int size, long value) {
        if (McdFlag.has(c.option(), TrigOption.DATASIZE_IS_CONDITION) && c.dataSize() != 0 && c.dataSize() != size) {
            return false;
        }
        if (!McdFlag.has(c.option(), TrigOption.DATA_IS_CONDITION)) {
            return true;
        }
        long keep = ~c.dataMask();
        long v = value & keep;
        long lo = c.dataStart() & keep;
        boolean in = Long.compareUnsigned(v, lo) >= 0 && Long.compareUnsigned(v - lo, c.dataRange()) <= 0;
        return McdFlag.has(c.option(), TrigOption.NOT_DATA) != in;
    }
}
