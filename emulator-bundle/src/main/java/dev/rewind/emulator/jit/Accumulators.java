package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.plugin.CounterImpl;
import dev.rewind.emulator.plugin.Probes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;

/**
 * Inline additions that translated code does not make one by one, written to the cell of the running hart
 * ({@code ctrs[slot].cells[h.id] += pending}) wherever anything may read it: before every callback and every call
 * into the engine that may reach plugins, at the region's exit and in its trap handler. Two kinds:
 * <ul>
 * <li><b>counted by instructions</b> ({@link InlineGroups#counted}): every instruction of the region adds {@code c};
 * no code at all per block, the pending additions are {@code c * (USED + off - MARK)}: the instructions run since
 * the last write ({@code MARK}, a local in instructions, 0 at entry), {@code off} being how many instructions of
 * the current block have made their additions at the point of the write (the end of the current
 * {@link InlineGroups group}); these are never added ahead, so {@code JitCode.unadd} leaves them alone;</li>
 * <li><b>summed in a local</b>: the first {@value #MAX} other counters get a long local that the additions go to (a
 * register add per group instead of a load and a store of the cell). Taking back additions on an early exit
 * ({@code JitCode.unadd}) subtracts from the cell, which is the same.</li>
 * </ul>
 * Other counters are added to directly. Which slots name one counter is known from {@link CounterImpl#number} (part
 * of the translation key, {@link Probes#shape()}).
 */
final class Accumulators {
    static final int MAX = 4;
    /** Local slot of the first accumulator (longs, two slots each). */
    static final int FIRST = PROBES;
    /** Local slot of MARK: instructions whose additions to counted counters are in the cells. */
    static final int MARK = FIRST + 2 * MAX;

    /** Per accumulator or counted counter: a slot of {@code ctrs} holding its counter. */
    private final int[] slots;
    /** Per accumulator or counted counter: its counter's number. */
    private final int[] numbers;
    /** Per accumulator or counted counter: the addition per instruction of a counted one, 0 for an accumulator. */
    private final long[] per;
    /** ctrs slot -> index in the arrays above */
    private final Map<Integer, Integer> of;
    /** Instructions of the current block whose additions have been made (set as code is emitted). */
    int off;

    private Accumulators(int[] slots, int[] numbers, long[] per, Map<Integer, Integer> of) {
        this.slots = slots;
        this.numbers = numbers;
        this.per = per;
        this.of = of;
    }

    /** The accumulators of a region: counted counters, then counters of its other additions, in slot order. */
    static Accumulators of(Gen g) {
        List<Probes> ps = new ArrayList<>();
        for (BlockSpec b : g.blocks) {
            ps.add(b.probes());
        }
        Map<Integer, Long> counted = InlineGroups.counted(ps);
        Map<Integer, Integer> byNumber = new HashMap<>();
        Map<Integer, Integer> of = new HashMap<>();
        List<Integer> slots = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Long> per = new ArrayList<>();
        int summed = 0;
        for (int k = 0; k < g.blocks.size(); k++) {
            Probes p = g.blocks.get(k).probes();
            if (p == null) {
                continue;
            }
            int slot = g.ctrBase[k];
            List<CounterImpl> cs = new ArrayList<>();
            for (int j = 0; j < p.blockInlines(); j++) {
                cs.add(p.blockCounter(j));
            }
            for (int i = 0; i < p.size(); i++) {
                for (int j = 0; j < p.insnInlines(i); j++) {
                    cs.add(p.insnCounter(i, j));
                }
            }
            for (CounterImpl c : cs) {
                Integer a = byNumber.get(c.number);
                Long n = counted.get(c.number);
                if (a == null && (n != null || summed < MAX)) {
                    a = slots.size();
                    byNumber.put(c.number, a);
                    slots.add(slot);
                    numbers.add(c.number);
                    per.add(n == null ? 0 : n);
                    summed += n == null ? 1 : 0;
                }
                if (a != null) {
                    of.put(slot, a);
                }
                slot++;
            }
        }
        return new Accumulators(slots.stream().mapToInt(Integer::intValue).toArray(),
                numbers.stream().mapToInt(Integer::intValue).toArray(),
                per.stream().mapToLong(Long::longValue).toArray(), of);
    }

    /** The local of an accumulator (its index {@code a}); accumulators take the first locals, in order. */
    private int local(int a) {
        int n = 0;
        for (int b = 0; b < a; b++) {
            n += per[b] == 0 ? 1 : 0;
        }
        return FIRST + 2 * n;
    }

    /** Whether additions to {@code c} may be pending (else translated code adds to its cell directly). */
    boolean pends(CounterImpl c) {
        return index(c) >= 0;
    }

    /** Pushes the additions to {@code c} not yet in its cell, at the current point of the block ({@link #off}). */
    void pushPending(Gen g, CounterImpl c) {
        pending(g, index(c), off);
    }

    private int index(CounterImpl c) {
        for (int a = 0; a < numbers.length; a++) {
            if (numbers[a] == c.number) {
                return a;
            }
        }
        return -1;
    }

    private void pending(Gen g, int a, int at) {
        MethodVisitor mv = g.mv;
        if (per[a] == 0) {
            mv.visitVarInsn(LLOAD, local(a));
            return;
        }
        instructions(g, at);
        g.lconst(per[a]);
        mv.visitInsn(LMUL);
    }

    /** Pushes USED + at - MARK ({@code at} < 0: the trapping instruction's index + 1, from CUR). */
    private static void instructions(Gen g, int at) {
        MethodVisitor mv = g.mv;
        mv.visitVarInsn(LLOAD, USED);
        if (at < 0) {
            mv.visitVarInsn(ILOAD, CUR);
            g.iconst(255);
            mv.visitInsn(IAND);
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitInsn(LCONST_1);
            mv.visitInsn(LADD);
        } else if (at > 0) {
            g.lconst(at);
            mv.visitInsn(LADD);
        }
        mv.visitVarInsn(LLOAD, MARK);
        mv.visitInsn(LSUB);
    }

    /** At the region's entry: every accumulator 0, MARK 0. */
    void init(MethodVisitor mv) {
        for (int a = 0; a < slots.length; a++) {
            if (per[a] == 0) {
                mv.visitInsn(LCONST_0);
                mv.visitVarInsn(LSTORE, local(a));
            }
        }
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, MARK);
    }

    /**
     * Emits the addition of {@code n} to the counter at ctrs slot {@code slot}; false if it has neither an
     * accumulator nor is counted (then the caller adds to the cell).
     */
    boolean add(Gen g, int slot, long n) {
        Integer a = of.get(slot);
        if (a == null) {
            return false;
        }
        if (per[a] == 0) {
            g.mv.visitVarInsn(LLOAD, local(a));
            g.lconst(n);
            g.mv.visitInsn(LADD);
            g.mv.visitVarInsn(LSTORE, local(a));
        }
        return true;
    }

    /** Writes the pending additions to the cells at the current point of the block ({@link #off}). */
    void flush(Gen g) {
        flush(g, off);
    }

    /**
     * Writes every pending addition to its counter's cell: {@code at} instructions of the current block have made
     * theirs (0 at the region's exit, where USED counts every instruction run; -1 in the trap handler: up to the
     * trapping one, which counts, as in the interpreter).
     */
    void flush(Gen g, int at) {
        MethodVisitor mv = g.mv;
        boolean counted = false;
        for (int a = 0; a < slots.length; a++) {
            g.counterArray(slots[a], "cells");
            g.hartId();
            mv.visitInsn(DUP2);
            mv.visitInsn(LALOAD);
            pending(g, a, at);
            mv.visitInsn(LADD);
            mv.visitInsn(LASTORE);
            if (per[a] == 0) {
                mv.visitInsn(LCONST_0);
                mv.visitVarInsn(LSTORE, local(a));
            }
            counted |= per[a] != 0;
        }
        if (counted) {
            instructions(g, at);
            mv.visitVarInsn(LLOAD, MARK);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, MARK);
        }
    }
}
