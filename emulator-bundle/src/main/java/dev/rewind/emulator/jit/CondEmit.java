package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.plugin.CondExec;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The test of a conditional callback ({@code onExecIf}) as bytecode: {@code ctrs[slot].live[h.id] OP value},
 * unsigned, jumping past the call when it fails; additions to the counter still summed in a local
 * ({@link Accumulators}) count when the machine runs live, so they need not be written to the cell for the test.
 * The interpreter's {@link CondExec#exec} tests the same cell the same way; the cell is the live one, so replayed
 * execution tests what live execution left.
 */
final class CondEmit {
    private CondEmit() {
    }

    /**
     * Emits the test of {@code c} (nothing when null) whose counter is at {@code slot} of the region's counters.
     *
     * @return the label to place after the call (reached when the condition fails), or null
     */
    static Label test(Gen g, CondExec c, int slot) {
        if (c == null) {
            return null;
        }
        MethodVisitor mv = g.mv;
        g.counterArray(slot, "live");
        g.hartId();
        mv.visitInsn(LALOAD);
        if (g.acc != null && g.acc.pends(c.counter())) {
            // additions not in the cell yet (summed in a local, counted by instructions) count when the machine
            // runs live (cells == live)
            Label replaying = new Label();
            g.counterArray(slot, "cells");
            g.counterArray(slot, "live");
            mv.visitJumpInsn(IF_ACMPNE, replaying);
            g.acc.pushPending(g, c.counter());
            mv.visitInsn(LADD);
            mv.visitLabel(replaying);
        }
        boolean unsigned = switch (c.cond()) {
            case EQ, NE -> false;
            default -> true;
        };
        if (unsigned) {
            g.lconst(Long.MIN_VALUE);
            mv.visitInsn(LXOR);
        }
        g.lconst(unsigned ? c.value() ^ Long.MIN_VALUE : c.value());
        mv.visitInsn(LCMP);
        Label skip = new Label();
        int fails = switch (c.cond()) {
            case EQ -> IFNE;
            case NE -> IFEQ;
            case LT -> IFGE;
            case LE -> IFGT;
            case GT -> IFLE;
            case GE -> IFLT;
            default -> throw new IllegalArgumentException("condition " + c.cond() + " has no test");
        };
        mv.visitJumpInsn(fails, skip);
        return skip;
    }
}
