package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/** The code of one access's page cache check ({@link PageCache}: which accesses get caches, and their slots). */
final class CacheCheck {
    private CacheCheck() {
    }

    /**
     * RV64 caches hold the cached page's RAM offset and test {@code off - cached u<= 4096 - len} (one compare for any
     * width), then the RAM array's range check explicitly ({@link #inArray}); -Drewind.jit.cacheRange64=false: the
     * page-number form (two compares for a wide access).
     */
    static final boolean RANGE64 = !"false".equals(System.getProperty("rewind.jit.cacheRange64"));
    /** RV64's empty cache ({@link #RANGE64}): an offset it takes for a hit has the low word 2^31 + k, a negative PO. */
    static final long EMPTY64 = 0x8000_0000_8000_0000L;

    /**
     * RV32 caches as ints (-Drewind.jit.cacheInt32=false: the long form): the cached page's RAM offset, tested as
     * {@code off - cached u<= 4096 - len} in int arithmetic, then RAM's range explicitly ({@link #inArray}), as
     * RV64's {@link #RANGE64}. The long form ({@code d = (long) off - cached; ((d | d + len - 1) & -4096) == 0}) took
     * a sign extension, two 64-bit temporaries and C2's own range check of the array access on top (matmul-rv32's
     * inner loop: 14 x86 instructions per cached LH, now 10; the range test is C2's only one). PlainRun cpu-mips,
     * same classes, int vs long, 3 rounds, then 3 more in the other order for the closest (load 1-6):
     * work-matmul-rv32 +29.8%, work-crc +8.2%, bench +6.5%, fsm +1.7%, mem +2.0%/-0.2%, mix +1.1%, list +0.5%,
     * calls -6.1%/-2.8% (6 runs: -2.9%), CoreMark-25k-rv32 -2.0%/+1.7%, CoreMark's matrix kernel -1.9%/+0.4%.
     */
    static final boolean INT32 = !"false".equals(System.getProperty("rewind.jit.cacheInt32"));
    /** RV32's empty int cache ({@link #INT32}): a hit on it has a negative RAM index, which inArray rejects. */
    static final int EMPTY32 = Integer.MIN_VALUE;

    /**
     * Regions whose cached accesses are all bytes keep RV32's long caches unless -Drewind.jit.cacheInt32Bytes=true:
     * with int caches work-fsm-rv32 (byte loops) lost 4.5% (medians of 11 rounds over three A/B runs); bytes on the
     * long form vs int, 4 rounds, load 3.2-3.7: fsm-rv32 +7.0%, mem +3.0%, crc +1.7%, bench even.
     */
    static final boolean INT32_BYTES = Boolean.getBoolean("rewind.jit.cacheInt32Bytes");

    /** Whether this translation's caches are int locals ({@link #INT32} on RV32). */
    static boolean ints(Gen g) {
        return g.rv32 && INT32 && (INT32_BYTES || g.caches.wide);
    }

    /**
     * RV64's range form ({@link #RANGE64}) caches the page's guest address rather than its RAM offset
     * (-Drewind.jit.cacheAddr=false: the offset): {@code x[r1] + imm - cached} is the same number as {@code off -
     * cached offset} (both wrap alike, the empty value moved by RAM's base too), one addition fewer per access.
     * PlainRun cpu-mips, same classes, 3 rounds each way (on vs off, then off vs on), load 3.9-5.9: CoreMark's matrix
     * kernel rv64 +9.3%/+8.2%, work-matmul-rv64 +7.8%/+11.1%, mix +4.3%, list +2.3%, crc 0%, calls -1.0%, bench
     * -1.4%, fsm -1.6%, mem +17%/-3.8% (its bimodal runs: 3,417-4,059), CoreMark-25k-rv64 -1.3%/-2.7%. Not RV32's int
     * caches: there the same form lost work-matmul-rv32 14.5% (CoreMark's matrix kernel rv32 even).
     */
    static final boolean ADDR = !"false".equals(System.getProperty("rewind.jit.cacheAddr"));

    /** Whether this translation's caches hold guest addresses ({@link #ADDR}). */
    static boolean addr(Gen g) {
        return ADDR && !g.rv32 && RANGE64;
    }

    /** The value of a cache that holds no page, for this translation's form of the check (an int's as a long). */
    static long empty(Gen g) {
        if (ints(g)) {
            return EMPTY32;
        }
        return g.rv32 ? Long.MIN_VALUE : RANGE64 ? (addr(g) ? EMPTY64 + g.base : EMPTY64) : -1L;
    }

    /**
     * The access of len bytes at {@code x[r1] + imm}: RAM index in PO; on to the access when it lies in the cached page
     * or passes the tag check (its page then cached), else to {@code slow}. Returns the miss path, to be emitted out of
     * line ({@link PageCache#missed}). RV32 ({@link #INT32}) caches the page's RAM offset in an int and tests {@code
     * off - cached u<= 4096 - len}, then RAM's range ({@link #inArray}: a hit on the empty value {@link #EMPTY32} has a
     * negative index; C2 merges the test with the array access's own); without INT32 it tests the long {@code d = off -
     * cached} (an int offset sign-extended: the empty value, Long.MIN_VALUE, is never near it). RV64 ({@link #RANGE64})
     * caches the offset too (its guest address, {@link #ADDR}) and tests {@code off - cached u<= 4096 - len}: a 64-bit
     * offset can come near any empty value (2^63 + k against Long.MIN_VALUE took RAM's page 0), so the empty value
     * {@link #EMPTY64} gives such an offset a negative RAM index, which the explicit range check ({@link #inArray})
     * sends to the slow path; the miss path comes back to that check, so the access is dominated by it on both ways in.
     * Without RANGE64, RV64 caches the page number and compares it with those of the access's first and last bytes
     * (never -1, that empty value).
     */
    static Runnable emit(Gen g, int r1, long imm, int len, int cache, int tagsSlot, Label slow) {
        MethodVisitor mv = g.mv;
        Label hit = new Label();
        Label miss = new Label();
        if (addr(g)) {
            address(g, r1, imm, cache, len, miss);
            mv.visitLabel(hit);                         // the miss path comes back here: the access stays dominated
            inArray(g, len, slow);
            return missPath(g, r1, imm, len, cache, tagsSlot, slow, miss, hit);
        }
        g.ramOffset(r1, imm);
        if (ints(g)) {
            inPage(g, cache, len, true, miss);          // d = off - the cached page's offset
            mv.visitLabel(hit);                         // the miss path comes back here: the access stays dominated
            inArray(g, len, slow);
        } else if (g.rv32) {
            mv.visitInsn(I2L);
            mv.visitVarInsn(LLOAD, cache);
            mv.visitInsn(LSUB);                         // d
            if (len > 1) {
                mv.visitInsn(DUP2);
                g.lconst(len - 1);
                mv.visitInsn(LADD);
                mv.visitInsn(LOR);
            }
            g.lconst(-4096L);
            mv.visitInsn(LAND);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, miss);
        } else if (RANGE64) {
            inPage(g, cache, len, false, miss);         // d = off - the cached page's offset
            mv.visitLabel(hit);                         // the miss path comes back here: the access stays dominated
            inArray(g, len, slow);
        } else {
            pageIs(g, cache, miss);                     // the first byte's page
            if (len > 1) {
                g.loadReg(r1);
                g.lconst(imm - g.base + len - 1);
                mv.visitInsn(LADD);
                pageIs(g, cache, miss);                 // the last byte's
            }
        }
        if (g.rv32 && !ints(g) || !g.rv32 && !RANGE64) {
            mv.visitLabel(hit);
        }
        return missPath(g, r1, imm, len, cache, tagsSlot, slow, miss, hit);
    }

    /** The miss out of line (emitted by missed(), after the access's fast path): the hit falls through. */
    private static Runnable missPath(Gen g, int r1, long imm, int len, int cache, int tagsSlot, Label slow,
            Label miss, Label hit) {
        MethodVisitor mv = g.mv;
        return () -> {
            mv.visitLabel(miss);
            MemEmit.fastCheck(g, r1, imm, len, tagsSlot, slow);
            mv.visitVarInsn(ILOAD, PO);                 // in RAM: 0 <= PO < 2^31
            if (g.rv32 || RANGE64) {
                g.iconst(-4096);
                mv.visitInsn(IAND);
            } else {
                g.iconst(12);
                mv.visitInsn(IUSHR);
            }
            if (ints(g)) {
                mv.visitVarInsn(ISTORE, cache);
            } else {
                mv.visitInsn(I2L);
                if (addr(g)) {
                    g.lconst(g.base);
                    mv.visitInsn(LADD);
                }
                mv.visitVarInsn(LSTORE, cache);
            }
            mv.visitJumpInsn(GOTO, hit);
        };
    }

    /**
     * {@link #ADDR}: PO = the access's RAM offset; to {@code miss} unless its guest address {@code x[r1] + imm} lies
     * in the cached page ({@code address - cached u<= 4096 - len}).
     */
    private static void address(Gen g, int r1, long imm, int cache, int len, Label miss) {
        MethodVisitor mv = g.mv;
        g.loadReg(r1);
        if (imm != 0) {
            g.lconst(imm);
            mv.visitInsn(LADD);
        }
        mv.visitInsn(DUP2);
        g.lconst(-g.base);
        mv.visitInsn(LADD);
        mv.visitInsn(L2I);
        mv.visitVarInsn(ISTORE, PO);
        inPage(g, cache, len, false, miss);
    }

    /**
     * Pops an offset or address (an int when {@code ints}, else a long) and goes to {@code miss} unless the len bytes
     * there lie in the page the cache holds: {@code value - cached u<= 4096 - len}.
     */
    private static void inPage(Gen g, int cache, int len, boolean ints, Label miss) {
        MethodVisitor mv = g.mv;
        if (ints) {
            mv.visitVarInsn(ILOAD, cache);
            mv.visitInsn(ISUB);
            g.iconst(4096 - len);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        } else {
            mv.visitVarInsn(LLOAD, cache);
            mv.visitInsn(LSUB);
            g.lconst(4096 - len);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        }
        mv.visitJumpInsn(IFGT, miss);
    }

    /**
     * RV64 ({@link #RANGE64}): to {@code slow} unless {@code PO u< ram.length - (len - 1)}. For a byte this is the
     * test of the array's own range check, which C2 then drops as dominated (one compare left); a VarHandle's
     * {@code checkIndex(i, length - (len - 1))} compares against a cast of the length and stays (two compares per wide
     * access; wide RV64 caches pay on bound regions, see {@link PageCache#CACHES64}). A hit on an empty cache
     * ({@link #EMPTY64}) has a negative PO and goes to the slow path here.
     */
    private static void inArray(Gen g, int len, Label slow) {
        MethodVisitor mv = g.mv;
        mv.visitVarInsn(ILOAD, PO);
        MemEntry.ram(g);
        mv.visitInsn(ARRAYLENGTH);
        if (len > 1) {
            g.iconst(len - 1);
            mv.visitInsn(ISUB);
        }
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        mv.visitJumpInsn(IFGE, slow);
    }

    /** RV64: the offset on the stack (consumed) is in the cached page, else to {@code miss}. */
    private static void pageIs(Gen g, int cache, Label miss) {
        g.iconst(12);
        g.mv.visitInsn(LUSHR);
        g.mv.visitVarInsn(LLOAD, cache);
        g.mv.visitInsn(LCMP);
        g.mv.visitJumpInsn(IFNE, miss);
    }
}
