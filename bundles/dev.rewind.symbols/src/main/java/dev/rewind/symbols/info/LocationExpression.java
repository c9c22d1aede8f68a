package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess;
import dev.rewind.symbols.TargetAccess.AccessException;
import dev.rewind.symbols.dwarf.DwarfCursor;
import dev.rewind.symbols.dwarf.DwarfException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a DWARF location expression (DWARF 5 section 2.5/2.6) against a frame. Unknown opcodes, stack
 * underflow and runaway branches are {@link DwarfException}s; reads of the target that fail are
 * {@link AccessException}s; DW_OP_entry_value gives {@link Location.OptimizedOut} (the caller's registers at
 * entry are not known here).
 */
public final class LocationExpression {

    /** The frame base (DW_AT_frame_base evaluated), asked for only when DW_OP_fbreg is used. */
    @FunctionalInterface
    public interface FrameBase {
        long get() throws AccessException;
    }

    /** Values of registers at the current function's entry (from the caller's call site), for DW_OP_entry_value. */
    @FunctionalInterface
    public interface EntryValues {
        long entryValue(int register) throws AccessException;

        EntryValues NONE = r -> {
            throw new AccessException(r, "no entry values");
        };
    }

    static final int MAX_STEPS = 10_000;
    static final int MAX_STACK = 1_000;

    private final FrameContext frame;
    private final int addressSize;
    private final FrameBase frameBase;
    private final EntryValues entryValues;
    private final long mask;
    private final long[] stack = new long[MAX_STACK];
    private int sp;

    private LocationExpression(FrameContext frame, int addressSize, FrameBase frameBase, EntryValues entryValues) {
        this.entryValues = entryValues;
        this.frame = frame;
        this.addressSize = addressSize;
        this.frameBase = frameBase;
        this.mask = addressSize == 4 ? 0xffff_ffffL : -1L;
    }

    /** Evaluates {@code expr}; {@code addressSize} is 4 or 8 (the unit's). */
    public static Location evaluate(byte[] expr, FrameContext frame, int addressSize, FrameBase frameBase)
            throws AccessException {
        return evaluate(expr, frame, addressSize, frameBase, EntryValues.NONE);
    }

    /** As above; DW_OP_entry_value of a register is asked of {@code entryValues} (optimized out if it fails). */
    public static Location evaluate(byte[] expr, FrameContext frame, int addressSize, FrameBase frameBase,
            EntryValues entryValues) throws AccessException {
        return new LocationExpression(frame, addressSize, frameBase, entryValues).run(expr);
    }

    private Location run(byte[] expr) throws AccessException {
        DwarfCursor c = new DwarfCursor(ByteBuffer.wrap(expr), "location expression");
        List<Location.Piece> pieces = new ArrayList<>();
        Location pending = null; // a register / implicit location named by the last operation
        for (int steps = 0; c.hasRemaining(); steps++) {
            if (steps >= MAX_STEPS) {
                throw c.error("expression did not finish within " + MAX_STEPS + " operations");
            }
            int op = c.u8();
            if (op >= 0x30 && op <= 0x4f) {
                push(op - 0x30);
            } else if (op >= 0x50 && op <= 0x6f) {
                pending = new Location.Register(op - 0x50);
            } else if (op >= 0x70 && op <= 0x8f) {
                push(reg(op - 0x70) + c.sleb());
            } else {
                switch (op) {
                    case 0x03 -> push(c.address(addressSize));
                    case 0x06 -> push(deref(pop(), addressSize));
                    case 0x08 -> push(c.u8());
                    case 0x09 -> push(c.s8());
                    case 0x0a -> push(c.u16());
                    case 0x0b -> push(c.s16());
                    case 0x0c -> push(c.u32());
                    case 0x0d -> push(c.s32());
                    case 0x0e, 0x0f -> push(c.u64());
                    case 0x10 -> push(c.uleb());
                    case 0x11 -> push(c.sleb());
                    case 0x12 -> push(peek(0));
                    case 0x13 -> pop();
                    case 0x14 -> push(peek(1));
                    case 0x15 -> push(peek(c.u8()));
                    case 0x16 -> {
                        long a = pop();
                        long b = pop();
                        push(a);
                        push(b);
                    }
                    case 0x17 -> {
                        long a = pop();
                        long b = pop();
                        long d = pop();
                        push(a);
                        push(d);
                        push(b);
                    }
                    case 0x19 -> push(Math.abs(pop()));
                    case 0x1f -> push(-pop());
                    case 0x20 -> push(~pop());
                    case 0x23 -> push(pop() + c.uleb());
                    case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27, 0x29, 0x2a, 0x2b, 0x2c,
                            0x2d, 0x2e -> binary(op, c);
                    case 0x28 -> {
                        int off = c.s16();
                        if (pop() != 0) {
                            c.position(c.position() + off);
                        }
                    }
                    case 0x2f -> {
                        int off = c.s16();
                        c.position(c.position() + off);
                    }
                    case 0x90 -> pending = new Location.Register((int) c.uleb());
                    case 0x91 -> push(frameBase.get() + c.sleb());
                    case 0x92 -> {
                        int r = (int) c.uleb();
                        push(reg(r) + c.sleb());
                    }
                    case 0x93, 0x9d -> {
                        long size = op == 0x93 ? c.uleb() * 8 : c.uleb();
                        long offset = op == 0x9d ? c.uleb() : 0;
                        pieces.add(new Location.Piece(current(pending), size, offset));
                        pending = null;
                        sp = 0;
                    }
                    case 0x94 -> push(deref(pop(), c.u8()));
                    case 0x96 -> {
                    }
                    case 0x9c -> push(cfa());
                    case 0x9e -> pending = new Location.Value(c.bytes(checked(c, c.uleb())));
                    case 0x9f -> pending = new Location.Value(LittleEndian.bytes(pop(), addressSize));
                    case 0xa0, 0xf2 -> {
                        c.offset(false);
                        c.sleb();
                        pending = new Location.OptimizedOut("implicit pointer");
                    }
                    case 0xa3, 0xf3 -> {
                        byte[] inner = c.bytes(checked(c, c.uleb()));
                        int op0 = inner.length == 1 ? inner[0] & 0xff : -1;
                        if (op0 < 0x50 || op0 > 0x6f) {
                            return new Location.OptimizedOut("entry value of a non-register");
                        }
                        try {
                            push(entryValues.entryValue(op0 - 0x50));
                        } catch (AccessException | DwarfException e) {
                            return new Location.OptimizedOut("entry value unavailable: " + e.getMessage());
                        }
                    }
                    case 0xa4 -> {
                        c.uleb();
                        byte[] b = c.bytes(c.u8());
                        push(LittleEndian.fromBytes(b));
                    }
                    case 0xa5 -> {
                        int r = (int) c.uleb();
                        c.uleb();
                        push(reg(r));
                    }
                    case 0xa6 -> {
                        int size = c.u8();
                        c.uleb();
                        push(deref(pop(), size));
                    }
                    case 0xa8, 0xa9, 0xaa, 0xf7, 0xf9 -> c.uleb(); // convert / reinterpret: integers stay as they are
                    default -> throw c.error("unsupported DWARF operation 0x" + Integer.toHexString(op));
                }
            }
            if (pending != null && c.hasRemaining() && !isPiece(c)) {
                throw c.error("operation after a register or implicit location that is not a piece");
            }
        }
        if (!pieces.isEmpty()) {
            return new Location.Composite(pieces);
        }
        if (pending != null) {
            return pending;
        }
        if (sp == 0) {
            return new Location.OptimizedOut("empty location expression");
        }
        return new Location.Memory(pop() & mask);
    }

    private static boolean isPiece(DwarfCursor c) {
        long at = c.position();
        int next = c.u8();
        c.position(at);
        return next == 0x93 || next == 0x9d;
    }

    private Location current(Location pending) {
        if (pending != null) {
            return pending;
        }
        if (sp == 0) {
            return new Location.OptimizedOut("piece without a location");
        }
        return new Location.Memory(peek(0) & mask);
    }

    private void binary(int op, DwarfCursor c) {
        long b = pop();
        long a = pop();
        long r = switch (op) {
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
            case 0x24 -> b >= 64 ? 0 : a << b;
            case 0x25 -> b >= 64 ? 0 : (a & mask) >>> b;
            case 0x26 -> b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
            case 0x27 -> a ^ b;
            case 0x29 -> a == b ? 1 : 0;
            case 0x2a -> a >= b ? 1 : 0;
            case 0x2b -> a > b ? 1 : 0;
            case 0x2c -> a <= b ? 1 : 0;
            case 0x2d -> a < b ? 1 : 0;
            default -> a != b ? 1 : 0;
        };
        push(r);
    }

    private long reg(int r) throws AccessException {
        return frame.target().register(r);
    }

    private long cfa() throws AccessException {
        if (frame.cfa().isEmpty()) {
            throw new AccessException(frame.pc(), "the canonical frame address at pc 0x"
                    + Long.toHexString(frame.pc()) + " is not known (no unwind information supplied)");
        }
        return frame.cfa().getAsLong();
    }

    private long deref(long address, int size) throws AccessException {
        if (size < 1 || size > 8) {
            throw new DwarfException("DW_OP_deref_size of " + size + " bytes");
        }
        return LittleEndian.fromBytes(frame.target().memory(address & mask, size));
    }

    private static int checked(DwarfCursor c, long n) {
        if (n < 0 || n > c.remaining()) {
            throw c.error("operand of " + n + " bytes exceeds the expression");
        }
        return (int) n;
    }

    private void push(long v) {
        if (sp == MAX_STACK) {
            throw new DwarfException("location expression stack overflow");
        }
        stack[sp++] = v;
    }

    private long pop() {
        if (sp == 0) {
            throw new DwarfException("location expression stack underflow");
        }
        return stack[--sp];
    }

    private long peek(int depth) {
        if (depth >= sp) {
            throw new DwarfException("location expression stack underflow");
        }
        return stack[sp - 1 - depth];
    }
}
