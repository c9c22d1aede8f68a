package dev.rewind.debug.internal;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugException;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.TrigSimpleCore;
import dev.rewind.mcd.api.TrigType;
import dev.rewind.mcd.api.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session's breakpoints and watchpoints as MCD triggers: one trigger per hart in scope and per resolved
 * address (a trigger fires only for its core's hart). Session-wide ids from 1; MCD trigger ids map back to them.
 * Temporary triggers (for step over and step out) live here too, without an id. Executor-confined.
 */
final class Breakpoints {
    /** Turns function names and source lines into addresses. */
    interface Resolver {
        /** Addresses for a FUNCTION or LINE spec, with the resolved source line; empty with a message if none. */
        Resolution resolve(BreakpointSpec spec);
    }

    record Resolution(List<Long> addresses, String file, int line, String message) {
    }

    private static final class Entry {
        final int id;
        final BreakpointSpec spec;
        final Resolution where;
        final List<int[]> triggers = new ArrayList<>(); // {hart, mcd trigger id}
        int hits;

        Entry(int id, BreakpointSpec spec, Resolution where) {
            this.id = id;
            this.spec = spec;
            this.where = where;
        }

        Breakpoint view() {
            boolean verified = !where.addresses().isEmpty();
            return new Breakpoint(id, spec, where.addresses(), verified, where.message(), hits, where.file(),
                    where.line());
        }
    }

    private final McdMachine machine;
    private final Map<Integer, Entry> entries = new TreeMap<>();
    private final Map<Long, Integer> byTrigger = new HashMap<>(); // (hart << 32 | trigId) -> breakpoint id
    private Resolver resolver = spec -> new Resolution(List.of(), null, 0,
            "no symbols loaded: cannot resolve " + spec.kind().name().toLowerCase() + " breakpoints");
    private int next = 1;

    Breakpoints(McdMachine machine) {
        this.machine = machine;
    }

    void resolver(Resolver r) {
        resolver = r;
    }

    Breakpoint add(BreakpointSpec spec) throws McdException {
        Resolution where = switch (spec.kind()) {
            case INSTRUCTION -> new Resolution(List.of(spec.address()), null, 0, null);
            case WATCH -> checkWatch(spec);
            case FUNCTION, LINE -> resolver.resolve(spec);
        };
        Entry e = new Entry(next, spec, where);
        for (long address : where.addresses()) {
            for (int hart = 0; hart < machine.harts(); hart++) {
                if (spec.hart() >= 0 && spec.hart() != hart) {
                    continue;
                }
                try {
                    int trig = machine.core(hart).createTrig(trigger(spec, address)).trigId();
                    e.triggers.add(new int[] {hart, trig});
                } catch (McdException failure) {
                    disarm(e);
                    if (spec.kind() == BreakpointSpec.Kind.WATCH) {
                        throw new DebugException("cannot add the watchpoint: the hardware trigger budget of hart "
                                + hart + " is used up (" + failure.getMessage() + "); remove a watchpoint first",
                                failure);
                    }
                    throw failure;
                }
            }
        }
        next++;
        entries.put(e.id, e);
        for (int[] t : e.triggers) {
            byTrigger.put(key(t[0], t[1]), e.id);
        }
        return e.view();
    }

    private static Resolution checkWatch(BreakpointSpec spec) {
        if (spec.length() < 1 || spec.length() > 1 << 20) {
            throw new DebugException("a watchpoint covers 1 to 1048576 bytes, not " + spec.length());
        }
        return new Resolution(List.of(spec.address()), null, 0, null);
    }

    private Trigger trigger(BreakpointSpec spec, long address) {
        if (spec.kind() != BreakpointSpec.Kind.WATCH) {
            return TrigSimpleCore.breakpoint(machine.memSpace(), address);
        }
        TrigType type = switch (spec.access()) {
            case READ -> TrigType.READ;
            case WRITE -> TrigType.WRITE;
            case READ_WRITE -> TrigType.RW;
        };
        return TrigSimpleCore.watchpoint(type, machine.memSpace(), address, spec.length());
    }

    Breakpoint remove(int id) throws McdException {
        Entry e = entries.remove(id);
        if (e == null) {
            throw new DebugException("no breakpoint " + id);
        }
        disarm(e);
        return e.view();
    }

    private void disarm(Entry e) throws McdException {
        for (int[] t : e.triggers) {
            byTrigger.remove(key(t[0], t[1]));
            machine.core(t[0]).removeTrig(t[1]);
        }
        e.triggers.clear();
    }

    List<Breakpoint> list() {
        List<Breakpoint> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            out.add(e.view());
        }
        return out;
    }

    /** The breakpoint whose trigger {@code trigId} of {@code hart}'s core was hit, or null. */
    BreakpointSpec spec(int id) {
        Entry e = entries.get(id);
        return e == null ? null : e.spec;
    }

    int idOf(int hart, int trigId) {
        Integer id = byTrigger.get(key(hart, trigId));
        return id == null ? 0 : id;
    }

    /** Counts a hit of breakpoint {@code id}; returns the new count. */
    int hit(int id) {
        Entry e = entries.get(id);
        return e == null ? 0 : ++e.hits;
    }

    /** A temporary breakpoint on one hart (for step over / step out); returns its MCD trigger id. */
    int addTemporary(int hart, long address) throws McdException {
        return machine.core(hart).createTrig(TrigSimpleCore.breakpoint(machine.memSpace(), address)).trigId();
    }

    void removeTemporary(int hart, int trigId) throws McdException {
        machine.core(hart).removeTrig(trigId);
    }

    private static long key(int hart, int trigId) {
        return ((long) hart << 32) | (trigId & 0xFFFFFFFFL);
    }
}
