package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static dev.rewind.emulator.jit.MemEmit.D_VH;
import static dev.rewind.emulator.jit.MemEmit.MEM;
import static dev.rewind.emulator.jit.MemEmit.VH;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * A region's entry for its loads and stores ({@link MemEmit}): the RAM array and tag tables in locals, and the
 * arrays' length checks once for the whole run.
 */
final class MemEntry {
    private MemEntry() {
    }

    /** {@link #entryChecks} (on unless {@code -Drewind.jit.entryChecks=false}: A/B with the same classes). */
    private static final boolean ENTRY_CHECKS = !"false".equals(System.getProperty("rewind.jit.entryChecks"));

    /** Experiment: bind regions that chase pointers ({@link #chases}) too. */
    static final boolean BIND_CHASE = Boolean.getBoolean("rewind.jit.bindChase");

    /** {@link Gen#bind}: the tag tables are the class's constants {@code LT} and {@code ST}. */
    static final int TABLES = 1;
    /** {@link Gen#bind}: RAM's array is the class's constant {@code RAM} (an entry guard checks it is current). */
    static final int RAM = 2;
    private static final String REGION = CPU + "JitRegion";

    /**
     * The region's entry: RAM in PG, the load and store tag tables in LP and SP (see {@code PhysicalMemory}'s class
     * comment), then {@link #entryChecks}. RAM's array is the same for the whole run: the interpreter calls
     * {@code PhysicalMemory.settle} before it runs a region, and a write past the array (a slow-path store, an atomic,
     * a device) goes to a page of its own, on the slow path, until the next settle grows the array. A bound region
     * ({@link #bind}) reads the tables (and RAM's array) from its class instead; one bound to RAM leaves at once,
     * having run nothing, when the machine's array is no longer the one it was bound to ({@code JitCode.stale}).
     */
    static void locals(Gen g) {
        MethodVisitor mv = g.mv;
        boolean chases = chases(g);
        if ((g.bind & RAM) != 0) {
            Label current = new Label();
            mv.visitVarInsn(ALOAD, THIS);
            mv.visitFieldInsn(GETFIELD, JITCODE, "mem", "L" + MEM + ";");
            mv.visitFieldInsn(GETFIELD, MEM, "ram", "[B");
            mv.visitFieldInsn(GETSTATIC, REGION, "RAM", "[B");
            mv.visitJumpInsn(IF_ACMPEQ, current);
            mv.visitVarInsn(ALOAD, THIS);
            mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "stale", "()J", false);
            mv.visitInsn(LRETURN);
            mv.visitLabel(current);
        } else {
            mv.visitVarInsn(ALOAD, THIS);
            mv.visitFieldInsn(GETFIELD, JITCODE, "mem", "L" + MEM + ";");
            mv.visitFieldInsn(GETFIELD, MEM, "ram", "[B");
            mv.visitVarInsn(ASTORE, PG);
        }
        g.caches.reset(g);   // page caches start empty (PageCache)
        if ((g.bind & TABLES) == 0) {
            mv.visitVarInsn(ALOAD, THIS);
            mv.visitFieldInsn(GETFIELD, JITCODE, "lt", "[I");
            mv.visitVarInsn(ASTORE, LP);
            mv.visitVarInsn(ALOAD, THIS);
            mv.visitFieldInsn(GETFIELD, JITCODE, "st", "[I");
            mv.visitVarInsn(ASTORE, SP);
        }
        if (ENTRY_CHECKS && !chases) {
            entryChecks(g);
        }
    }

    /**
     * The binding a region gets of the one asked for ({@link #TABLES}, {@link #RAM}): none for a region that chases
     * pointers ({@link #chases}; bound, work-list-rv32 lost 11%), unless {@link #BIND_CHASE}. Decided before the class's
     * constants are declared ({@link #bind(ClassWriter, int)}), so such a class has none.
     */
    static int binding(Gen g, int asked) {
        return asked != 0 && !BIND_CHASE && chases(g) ? 0 : asked;
    }

    /**
     * Pushes the load (slot LP) or store (SP) tag table: the local, or the bound class's constant. A constant array
     * ({@code static final}, set from the class data in {@code <clinit>}) is a constant to C2: its length folds, so the
     * masked index has a constant mask, its range check goes, and the table's address is an immediate (no register,
     * no length reloaded in loops).
     */
    static void tags(Gen g, int slot) {
        if ((g.bind & TABLES) != 0) {
            g.mv.visitFieldInsn(GETSTATIC, REGION, slot == LP ? "LT" : "ST", "[I");
        } else {
            g.mv.visitVarInsn(ALOAD, slot);
        }
    }

    /** Pushes RAM's array: the local PG, or the bound class's constant ({@link #tags}). */
    static void ram(Gen g) {
        if ((g.bind & RAM) != 0) {
            g.mv.visitFieldInsn(GETSTATIC, REGION, "RAM", "[B");
        } else {
            g.mv.visitVarInsn(ALOAD, PG);
        }
    }

    /**
     * A bound class's constants ({@code bind}: {@link #TABLES}, {@link #RAM}): {@code static final} fields set in
     * {@code <clinit>} from the class data, a list (load tags, store tags[, RAM's array]) given when the class is
     * defined ({@code Lookup.defineHiddenClassWithClassData}). Nothing when {@code bind} is 0.
     */
    static void bind(ClassWriter cw, int bind) {
        if (bind == 0) {
            return;
        }
        MethodVisitor c = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        c.visitCode();
        String[] names = {"LT", "ST", "RAM"};
        String[] types = {"[I", "[I", "[B"};
        for (int i = 0; i < ((bind & RAM) != 0 ? 3 : 2); i++) {
            cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, names[i], types[i], null, null).visitEnd();
            c.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                    "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
            c.visitLdcInsn("_");
            c.visitLdcInsn(Type.getType(types[i]));
            c.visitLdcInsn(i);
            c.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;",
                    false);
            c.visitTypeInsn(CHECKCAST, types[i]);
            c.visitFieldInsn(PUTSTATIC, REGION, names[i], types[i]);
        }
        c.visitInsn(RETURN);
        c.visitMaxs(0, 0);
        c.visitEnd();
    }

    /**
     * Whether a block has an access group ({@link MemGroups}; RV64: through sp only) with a member that loads into the
     * group's base (pointer chasing: {@code p = p->next}). Such regions get no {@link #entryChecks}: with them, C2's allocation put
     * work-list-rv32's node address through an xmm spill on its dependency chain (-14..-21% in every round; without
     * entry checks in these regions list is even with main and matmul keeps its gain, A/B at load 8.6-9.6).
     */
    private static boolean chases(Gen g) {
        for (int k = 0; k < g.blocks.size(); k++) {
            MemGroups.Groups gr = MemGroups.groups(g, k);
            int[] code = g.blocks.get(k).code();
            for (int i = 0; i < code.length; i++) {
                int w = code[i];
                int op = w & 0xFF;
                if (gr.slot[i] >= 0 && op >= Op.LB && op <= Op.LWU && ((w >>> 8) & 63) == ((w >>> 16) & 63)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The length checks C2 puts in front of the fast path's array accesses, once at the entry: a tag table's masked
     * index checks {@code tags.length u> 0}, a VarHandle access of k bytes {@code ram.length - k + 1 >= 0} (then the
     * index). As PG, LP and SP never change in a run, the accesses' own checks are the same tests, dominated by these,
     * and C2 drops them (PhaseIdealLoop's dominated-If search goes up to where the test's inputs are defined): before,
     * every block (and loop) of matmul's inner loop recomputed both lengths and tested them. The accesses here read
     * index 0 of arrays that always have it (tables of 2+ entries, RAM's array of 1+ pages) and their values are
     * dropped; only the tables and widths the region's loads and stores use (region entries are frequent), and no
     * tag table's check where every load (or store) of the region has a page cache ({@link PageCache#covers}, RV64:
     * the table is read only on a cache miss).
     */
    private static void entryChecks(Gen g) {
        MethodVisitor mv = g.mv;
        boolean[] tables = new boolean[2];
        boolean[] widths = new boolean[9];
        for (BlockSpec b : g.blocks) {
            for (int w : b.code()) {
                int op = w & 0xFF;
                if (op >= Op.LB && op <= Op.SD) {
                    tables[op >= Op.SB ? 1 : 0] = true;
                    widths[MemEmit.len(op)] = true;
                }
            }
        }
        for (int k = 0; k < 2 && (g.bind & TABLES) == 0; k++) {
            if (tables[k] && !g.caches.covers(g.blocks, k == 1)) {
                int t = k == 0 ? LP : SP;
                mv.visitVarInsn(ALOAD, t);
                g.iconst(0);
                MemEmit.mask(g, t);
                mv.visitInsn(IALOAD);
                mv.visitInsn(POP);
            }
        }
        for (int len = 2; len <= 8 && (g.bind & RAM) == 0; len *= 2) {
            if (widths[len]) {
                String d = len == 2 ? "S" : len == 4 ? "I" : "J";
                mv.visitFieldInsn(GETSTATIC, MEM, "I" + 8 * len, D_VH);
                mv.visitVarInsn(ALOAD, PG);
                g.iconst(0);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)" + d, false);
                mv.visitInsn(len == 8 ? POP2 : POP);
            }
        }
    }
}
