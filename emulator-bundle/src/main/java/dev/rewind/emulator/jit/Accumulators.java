package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.plugin.CounterImpl;
import dev.rewind.emulator.plugin.Probes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;

/**
 * Inline additions summed in locals: the first {@value #MAX} counters a region adds to each get a long local that
 * the additions go to (a register add instead of a load and a store of the counter's cell), written to the cell of
 * the running hart ({@code ctrs[slot].cells[h.id] += acc; acc = 0}) wherever anything may read it: before every
 * callback and every call into the engine that may reach plugins, at the region's exit and in its trap handler.
 * Taking back additions on an early exit ({@code JitCode.unadd}) subtracts from the cell, which is the same. Other
 * counters are added to directly. Which slots name one counter is known from {@link CounterImpl#number} (part of
 * the translation key, {@link Probes#shape()}).
 */
final class Accumulators {
    static final int MAX = 4;
    /** Local slot of the first accumulator (longs, two slots each, after the inline counters' array and hart id). */
    static final int FIRST = HID + 1;

    /** Per accumulator: a slot of {@code ctrs} holding its counter. */
    private final int[] slots;
    /** Per accumulator: its counter's number. */
    private final int[] numbers;
    /** ctrs slot -> accumulator */
    private final Map<Integer, Integer> of = new HashMap<>();

    private Accumulators(int[] slots, int[] numbers, Map<Integer, Integer> of) {
        this.slots = slots;
        this.numbers = numbers;
        this.of.putAll(of);
    }

    /** The accumulators of a region: counters of its additions, in slot order. */
    static Accumulators of(Gen g) {
        Map<Integer, Integer> byNumber = new HashMap<>();
        Map<Integer, Integer> of = new HashMap<>();
        int[] slots = new int[MAX];
        int[] numbers = new int[MAX];
        List<BlockSpec> blocks = g.blocks;
        for (int k = 0; k < blocks.size(); k++) {
            Probes p = blocks.get(k).probes();
            if (p == null) {
                continue;
            }
            int slot = g.ctrBase[k];
            for (int j = 0; j < p.blockInlines(); j++, slot++) {
                assign(p.blockCounter(j), slot, byNumber, of, slots, numbers);
            }
            for (int i = 0; i < blocks.get(k).length(); i++) {
                for (int j = 0; j < p.insnInlines(i); j++, slot++) {
                    assign(p.insnCounter(i, j), slot, byNumber, of, slots, numbers);
                }
            }
        }
        int n = byNumber.size();
        return new Accumulators(java.util.Arrays.copyOf(slots, n), java.util.Arrays.copyOf(numbers, n), of);
    }

    private static void assign(CounterImpl c, int slot, Map<Integer, Integer> byNumber, Map<Integer, Integer> of,
            int[] slots, int[] numbers) {
        Integer a = byNumber.get(c.number);
        if (a == null && byNumber.size() < MAX) {
            a = byNumber.size();
            byNumber.put(c.number, a);
            slots[a] = slot;
            numbers[a] = c.number;
        }
        if (a != null) {
            of.put(slot, a);
        }
    }

    /** The local summing additions to {@code c} not yet in its cell, or -1. */
    int local(CounterImpl c) {
        for (int a = 0; a < numbers.length; a++) {
            if (numbers[a] == c.number) {
                return FIRST + 2 * a;
            }
        }
        return -1;
    }

    /** At the region's entry: every accumulator 0. */
    void init(MethodVisitor mv) {
        for (int a = 0; a < slots.length; a++) {
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(LSTORE, FIRST + 2 * a);
        }
    }

    /** Emits the addition of {@code n} to the counter at ctrs slot {@code slot}; false if it has no accumulator. */
    boolean add(Gen g, int slot, long n) {
        Integer a = of.get(slot);
        if (a == null) {
            return false;
        }
        g.mv.visitVarInsn(LLOAD, FIRST + 2 * a);
        g.lconst(n);
        g.mv.visitInsn(LADD);
        g.mv.visitVarInsn(LSTORE, FIRST + 2 * a);
        return true;
    }

    /** Writes every accumulator to its counter's cell and zeroes it. */
    void flush(Gen g) {
        MethodVisitor mv = g.mv;
        for (int a = 0; a < slots.length; a++) {
            g.counterArray(slots[a], "cells");
            mv.visitVarInsn(ILOAD, HID);
            mv.visitInsn(DUP2);
            mv.visitInsn(LALOAD);
            mv.visitVarInsn(LLOAD, FIRST + 2 * a);
            mv.visitInsn(LADD);
            mv.visitInsn(LASTORE);
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(LSTORE, FIRST + 2 * a);
        }
    }
}
