package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;
import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Access groups: one tag check for several loads (or stores) through one base register in a block, the check
 * {@link MemEmit} makes per access otherwise; see {@link Groups}.
 */
final class MemGroups {
    private MemGroups() {
    }

    /** Off with -Drewind.jit.memGroups=false (A/B measurements, tests). */
    static final boolean GROUPS = !"false".equals(System.getProperty("rewind.jit.memGroups"));

    /**
     * RV64 groups: through the stack pointer (x2) only by default, i.e. a function's register saves and restores (one
     * tag check per frame, not one per sd/ld): work-calls-rv64 +18%, work-mix-rv64 +4..+8%, bench-rv64 +1..+5% (PlainRun
     * SCALE=5, none vs sp, 3-5 order-reversing rounds, load 5-7), CoreMark-25k-rv64 even. Groups through other base
     * registers lose on RV64 (unlike RV32): any base list -12%, mem -16%, fsm -5%; any base outside innermost loops
     * bench -5%, mix -7%, calls -7%; stores through any base bench -7%. -Drewind.jit.memGroups64=true: any base
     * register; =false: none (A/B measurements).
     */
    static final String MODE64 = System.getProperty("rewind.jit.memGroups64", "sp");
    /** RV64 groups through any base register ({@link #MODE64} true). */
    private static final boolean ANY64 = "true".equals(MODE64);
    /** RV64 groups at least through sp ({@link #MODE64} sp or true). */
    private static final boolean SP64 = ANY64 || "sp".equals(MODE64);

    /** Whether accesses through base register r1 may form groups on this XLEN. */
    static boolean applies(boolean rv32, int r1) {
        return GROUPS && (rv32 || ANY64 || SP64 && r1 == 2);
    }

    /** The widest group: any span below a page works; memcpy/memset unrolls are 16-64 bytes. */
    private static final int GROUP_SPAN = 256;

    /** Groups in one block with a local each (slots {@code Gen.grp} on). */
    static final int MAX_GROUPS = 8;

    static boolean isLoad(int op) {
        return op == Op.LB || op == Op.LH || op == Op.LW || op == Op.LD || op == Op.LBU || op == Op.LHU || op == Op.LWU;
    }

    static boolean isStore(int op) {
        return op == Op.SB || op == Op.SH || op == Op.SW || op == Op.SD;
    }

    /**
     * Block k's access groups: loads (or stores) through the same base register r1, not written from the first to the
     * last of them (other instructions may come between: ALU ops, accesses through other registers; not atomics,
     * which set reservations), spanning less than GROUP_SPAN bytes. The first member checks the tags once for the
     * group's whole span [x[r1] + lowest imm, x[r1] + highest imm + its length - 1] and keeps the RAM index of its
     * first byte in the group's local (-1 when the check failed); every member then accesses RAM at its distance from
     * there without a check if the index is not -1, else through its own code (own check, slow path, trap, cut),
     * exactly as without groups. Between members, tags only change through a slow-path access: one past RAM's array
     * goes to a page of its own (the array, and with it every index, stays until the next entry), dirtying a clean
     * page only makes tags less restrictive, code pages and watchpoints cut (the region leaves); and through callbacks,
     * but probed blocks have no groups.
     */
    static final class Groups {
        final int k;
        /** Per instruction: its group's local slot or -1. */
        final int[] slot;
        final boolean[] first;
        /** Per instruction: its group's lowest imm and span in bytes. */
        final long[] lo;
        final int[] span;

        Groups(int k, int n) {
            this.k = k;
            slot = new int[n];
            java.util.Arrays.fill(slot, -1);
            first = new boolean[n];
            lo = new long[n];
            span = new int[n];
        }
    }

    static Groups groups(Gen g, int k) {
        if (g.groups != null && g.groups.k == k) {
            return g.groups;
        }
        BlockSpec b = g.blocks.get(k);
        int n = b.length();
        Groups gr = new Groups(k, n);
        g.groups = gr;
        if (!GROUPS || b.probes() != null || !(g.rv32 || SP64)) {
            return gr;
        }
        int[] open = new int[128];
        java.util.Arrays.fill(open, -1);
        int[] group = new int[n];
        java.util.Arrays.fill(group, -1);
        long[] glo = new long[n];
        long[] ghi = new long[n];
        int[] size = new int[n];
        int groupsMade = 0;
        for (int j = 0; j < n; j++) {
            int w = b.code()[j];
            int op = w & 0xFF;
            int rd = (w >>> 8) & 63;
            int r1 = (w >>> 16) & 63;
            boolean load = isLoad(op);
            if ((load || isStore(op)) && applies(g.rv32, r1)) {
                int key = r1 * 2 + (load ? 0 : 1);
                long imm = b.imm()[j];
                long last = imm + MemEmit.len(op) - 1;
                int id = open[key];
                if (id >= 0 && Math.max(ghi[id], last) - Math.min(glo[id], imm) < GROUP_SPAN) {
                    glo[id] = Math.min(glo[id], imm);
                    ghi[id] = Math.max(ghi[id], last);
                } else {
                    id = groupsMade++;
                    open[key] = id;
                    glo[id] = imm;
                    ghi[id] = last;
                }
                group[j] = id;
                size[id]++;
                if (load) {
                    open[rd * 2] = -1;
                    open[rd * 2 + 1] = -1;
                }
            } else if (op >= Op.LR_W && op <= Op.AMOMAXU_D) {
                java.util.Arrays.fill(open, -1);
            } else {
                open[rd * 2] = -1;
                open[rd * 2 + 1] = -1;
            }
        }
        int[] slotOf = new int[groupsMade];
        int slots = 0;
        for (int id = 0; id < groupsMade; id++) {
            slotOf[id] = size[id] >= 2 && slots < MAX_GROUPS ? g.grp + slots++ : -1;
        }
        boolean[] seen = new boolean[groupsMade];
        for (int j = 0; j < n; j++) {
            int id = group[j];
            if (id >= 0 && slotOf[id] >= 0) {
                gr.slot[j] = slotOf[id];
                gr.first[j] = !seen[id];
                seen[id] = true;
                gr.lo[j] = glo[id];
                gr.span[j] = (int) (ghi[id] - glo[id] + 1);
            }
        }
        return gr;
    }

    /**
     * A group member (unprobed): when the group's check passed, the access without a check at its distance from the
     * group's first byte, then to {@code done}; else on to its own code (the caller's fastCheck follows). Nothing for
     * an access in no group.
     */
    static void member(Gen g, int k, int i, int op, int r, long imm, boolean load, Label done) {
        Groups gr = groups(g, k);
        int s = gr.slot[i];
        if (s < 0) {
            return;
        }
        MethodVisitor mv = g.mv;
        Label own = new Label();
        int w = g.blocks.get(k).code()[i];
        int r1 = (w >>> 16) & 63;
        if (gr.first[i]) {
            Label failed = new Label();
            MemEmit.fastCheck(g, r1, gr.lo[i], gr.span[i], load ? LP : SP, failed);
            mv.visitVarInsn(ILOAD, PO);
            mv.visitVarInsn(ISTORE, s);
            Label fast = new Label();
            mv.visitJumpInsn(GOTO, fast);
            mv.visitLabel(failed);
            mv.visitInsn(ICONST_M1);
            mv.visitVarInsn(ISTORE, s);
            mv.visitJumpInsn(GOTO, own);
            mv.visitLabel(fast);
        } else {
            mv.visitVarInsn(ILOAD, s);
            mv.visitJumpInsn(IFLT, own);
        }
        int delta = (int) (imm - gr.lo[i]);
        if (load) {
            MemEmit.loadValue(g, op, s, delta);
            g.storeReg(r);
        } else {
            MemEmit.storeValue(g, op, r, s, delta);
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(own);
    }
}
