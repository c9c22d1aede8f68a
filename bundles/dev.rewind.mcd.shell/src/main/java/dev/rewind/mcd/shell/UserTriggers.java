package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.TrigSimpleCore;
import dev.rewind.mcd.api.TrigType;
import dev.rewind.mcd.api.Trigger;
import dev.rewind.symbols.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Breakpoints and watchpoints as the user sees them: numbered 1, 2, ... and effective on every hart. An MCD
 * trigger fires only for the hart of the core that created it, so each user trigger is one MCD trigger per
 * core (all or nothing: if one core refuses, the others are removed again).
 */
final class UserTriggers {

    /** A user trigger: its number, a description and the MCD trigger id on each core (index = hart). */
    record Entry(int number, String description, int[] trigIds) {
    }

    private final Symbols symbols;
    private final List<McdCore> cores;
    private final int memSpace;
    private final Map<Integer, Entry> entries = new TreeMap<>();
    private int next = 1;

    UserTriggers(Symbols symbols, List<McdCore> cores, int memSpace) {
        this.symbols = symbols;
        this.cores = cores;
        this.memSpace = memSpace;
    }

    Entry addBreakpoint(long address) throws McdException {
        return add(TrigSimpleCore.breakpoint(memSpace, address), "breakpoint at " + Values.where(symbols, address));
    }

    /** {@code kind}: "r", "w" or "rw". */
    Entry addWatchpoint(long address, long length, String kind) throws McdException {
        TrigType type = switch (kind) {
            case "r" -> TrigType.READ;
            case "w" -> TrigType.WRITE;
            case "rw" -> TrigType.RW;
            default -> throw new IllegalArgumentException("watch kind must be r, w or rw, not '" + kind + "'");
        };
        if (length < 1 || length > 1 << 20) {
            throw new IllegalArgumentException("watch length must be 1 .. 1048576 bytes, not " + length);
        }
        String what = switch (kind) {
            case "r" -> "read";
            case "w" -> "write";
            default -> "read/write";
        };
        return add(TrigSimpleCore.watchpoint(type, memSpace, address, length),
                what + " watchpoint on " + length + " bytes at " + Values.where(symbols, address));
    }

    private Entry add(Trigger trig, String description) throws McdException {
        int[] ids = new int[cores.size()];
        int made = 0;
        try {
            for (; made < cores.size(); made++) {
                ids[made] = cores.get(made).createTrig(trig).trigId();
            }
        } catch (McdException e) {
            for (int h = 0; h < made; h++) {
                cores.get(h).removeTrig(ids[h]);
            }
            throw e;
        }
        Entry entry = new Entry(next++, description, ids);
        entries.put(entry.number(), entry);
        return entry;
    }

    /** Removes user trigger {@code number}. */
    Entry remove(int number) throws McdException {
        Entry e = entries.remove(number);
        if (e == null) {
            throw new IllegalArgumentException("no breakpoint or watchpoint " + number + " (see 'break' for the list)");
        }
        for (int h = 0; h < cores.size(); h++) {
            cores.get(h).removeTrig(e.trigIds()[h]);
        }
        return e;
    }

    /** Removes every user trigger; returns how many there were. */
    int removeAll() throws McdException {
        List<Integer> numbers = new ArrayList<>(entries.keySet());
        for (int n : numbers) {
            remove(n);
        }
        return numbers.size();
    }

    List<Entry> list() {
        return List.copyOf(entries.values());
    }

    /** The user trigger that MCD trigger {@code trigId} of {@code hart} belongs to, or null. */
    Entry byMcdId(int hart, int trigId) {
        for (Entry e : entries.values()) {
            if (hart >= 0 && hart < e.trigIds().length && e.trigIds()[hart] == trigId) {
                return e;
            }
        }
        return null;
    }
}
