package dev.rewind.symbols.dwarf;

import java.nio.ByteBuffer;

/**
 * A DWARF expression stack machine for the operations call frame information uses: literals and constants,
 * stack manipulation, arithmetic and logic, comparisons and branches, register-relative values (DW_OP_breg*,
 * DW_OP_bregx) and memory reads (DW_OP_deref, DW_OP_deref_size). Location descriptions (DW_OP_reg*, pieces,
 * DW_OP_fbreg, ...) are not values and are refused. Runs at most {@link #MAX_STEPS} operations (a branch loop
 * ends with an error, never a hang).
 */
public final class DwarfExpression {

    public static final int MAX_STEPS = 10_000;
    private static final int MAX_STACK = 1_000;

    /** What an expression may read. */
    public interface Context {
        /** A register's value; throws {@link DwarfException} if it is unknown. */
        long register(int dwarfRegister);

        /** {@code size} bytes (1..8) at {@code address}, zero-extended; throws {@link DwarfException} if unreadable. */
        long memory(long address, int size);
    }

    private DwarfExpression() {
    }

    /**
     * Evaluates {@code expr} with {@code initial} values pushed first (bottom first) and returns the top of the
     * stack, truncated to {@code addressSize} bytes.
     */
    public static long evaluate(byte[] expr, int addressSize, Context ctx, long... initial) {
        DwarfCursor c = new DwarfCursor(ByteBuffer.wrap(expr), "DWARF expression");
        long[] st = new long[MAX_STACK];
        int sp = 0;
        for (long v : initial) {
            st[sp++] = v;
        }
        long mask = addressSize >= 8 ? -1L : (1L << (addressSize * 8)) - 1;
        int steps = 0;
        while (c.hasRemaining()) {
            if (++steps > MAX_STEPS) {
                throw c.error("more than " + MAX_STEPS + " operations");
            }
            int op = c.u8();
            if (sp >= MAX_STACK - 2) {
                throw c.error("stack overflow");
            }
            if (op >= 0x30 && op <= 0x4f) { // lit0..lit31
                st[sp++] = op - 0x30;
                continue;
            }
            if (op >= 0x70 && op <= 0x8f) { // breg0..breg31
                st[sp++] = ctx.register(op - 0x70) + c.sleb();
                continue;
            }
            switch (op) {
                case 0x03 -> st[sp++] = c.address(addressSize); // addr
                case 0x08 -> st[sp++] = c.u8();
                case 0x09 -> st[sp++] = c.s8();
                case 0x0a -> st[sp++] = c.u16();
                case 0x0b -> st[sp++] = c.s16();
                case 0x0c -> st[sp++] = c.u32();
                case 0x0d -> st[sp++] = c.s32();
                case 0x0e, 0x0f -> st[sp++] = c.u64();
                case 0x10 -> st[sp++] = c.uleb();
                case 0x11 -> st[sp++] = c.sleb();
                case 0x12 -> { need(c, sp, 1); st[sp] = st[sp - 1]; sp++; } // dup
                case 0x13 -> { need(c, sp, 1); sp--; } // drop
                case 0x14 -> { need(c, sp, 2); st[sp] = st[sp - 2]; sp++; } // over
                case 0x15 -> { // pick
                    int i = c.u8();
                    need(c, sp, i + 1);
                    st[sp] = st[sp - 1 - i];
                    sp++;
                }
                case 0x16 -> { need(c, sp, 2); long t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; }
                case 0x17 -> { // rot
                    need(c, sp, 3);
                    long t = st[sp - 1];
                    st[sp - 1] = st[sp - 2];
                    st[sp - 2] = st[sp - 3];
                    st[sp - 3] = t;
                }
                case 0x06 -> { need(c, sp, 1); st[sp - 1] = ctx.memory(st[sp - 1] & mask, addressSize); } // deref
                case 0x94 -> { // deref_size
                    int n = c.u8();
                    if (n < 1 || n > 8) {
                        throw c.error("DW_OP_deref_size of " + n + " bytes");
                    }
                    need(c, sp, 1);
                    st[sp - 1] = ctx.memory(st[sp - 1] & mask, n);
                }
                case 0x19 -> { need(c, sp, 1); st[sp - 1] = Math.abs(st[sp - 1]); }
                case 0x1f -> { need(c, sp, 1); st[sp - 1] = -st[sp - 1]; }
                case 0x20 -> { need(c, sp, 1); st[sp - 1] = ~st[sp - 1]; }
                case 0x23 -> { need(c, sp, 1); st[sp - 1] += c.uleb(); } // plus_uconst
                case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27, 0x29, 0x2a, 0x2b, 0x2c,
                        0x2d, 0x2e -> {
                    need(c, sp, 2);
                    long b = st[--sp];
                    long a = st[sp - 1];
                    st[sp - 1] = binary(c, op, a, b);
                }
                case 0x2f -> { // skip
                    int d = c.s16();
                    jump(c, d);
                }
                case 0x28 -> { // bra
                    int d = c.s16();
                    need(c, sp, 1);
                    if (st[--sp] != 0) {
                        jump(c, d);
                    }
                }
                case 0x92 -> { // bregx
                    int r = (int) c.uleb();
                    st[sp++] = ctx.register(r) + c.sleb();
                }
                case 0x96 -> { } // nop
                default -> throw c.error("unsupported DWARF operation 0x" + Integer.toHexString(op));
            }
        }
        if (sp == 0) {
            throw c.error("empty stack at the end");
        }
        return st[sp - 1] & mask;
    }

    private static long binary(DwarfCursor c, int op, long a, long b) {
        return switch (op) {
            case 0x1a -> a & b;
            case 0x1b -> {
                if (b == 0) {
                    throw c.error("division by zero");
                }
                yield a / b;
            }
            case 0x1c -> a - b;
            case 0x1d -> {
                if (b == 0) {
                    throw c.error("modulo by zero");
                }
                yield Long.remainderUnsigned(a, b);
            }
            case 0x1e -> a * b;
            case 0x21 -> a | b;
            case 0x22 -> a + b;
            case 0x24 -> b >= 64 || b < 0 ? 0 : a << b;
            case 0x25 -> b >= 64 || b < 0 ? 0 : a >>> b;
            case 0x26 -> b >= 64 || b < 0 ? (a < 0 ? -1 : 0) : a >> b;
            case 0x27 -> a ^ b;
            case 0x29 -> a == b ? 1 : 0;
            case 0x2a -> a >= b ? 1 : 0;
            case 0x2b -> a > b ? 1 : 0;
            case 0x2c -> a <= b ? 1 : 0;
            case 0x2d -> a < b ? 1 : 0;
            case 0x2e -> a != b ? 1 : 0;
            default -> throw c.error("not a binary operation 0x" + Integer.toHexString(op));
        };
    }

    private static void jump(DwarfCursor c, int delta) {
        long to = c.position() + delta;
        if (to < 0 || to > c.limit()) {
            throw c.error("branch to " + to + " outside the expression");
        }
        c.position(to);
    }

    private static void need(DwarfCursor c, int sp, int n) {
        if (sp < n) {
            throw c.error("stack underflow");
        }
    }
}
