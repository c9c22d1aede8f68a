package dev.rewind.symbols;

import dev.rewind.symbols.dwarf.CallFrameInfo;
import dev.rewind.symbols.dwarf.CfaRule;
import dev.rewind.symbols.dwarf.CfiRow;
import dev.rewind.symbols.dwarf.DwarfException;
import dev.rewind.symbols.dwarf.DwarfExpression;
import dev.rewind.symbols.dwarf.RegisterRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Walks the stack of a stopped hart with the call frame information: from the innermost frame's registers, each
 * caller's CFA and registers, until the return address is undefined, 0, outside the program's text or unchanged,
 * or a bound. A pc without an FDE ends the walk, except in frame 0 where the hart is taken to be in a leaf (return
 * address in ra, CFA = sp). Stateless; one call per backtrace.
 */
final class Unwinder {

    static final int MAX_FRAMES = 256;
    private static final int RA = 1;
    private static final int SP = 2;

    private final CallFrameInfo cfi;
    private final LongPredicate text;

    Unwinder(CallFrameInfo cfi, LongPredicate text) {
        this.cfi = cfi;
        this.text = text;
    }

    Backtrace unwind(TargetAccess t, int maxFrames) {
        List<Frame> frames = new ArrayList<>();
        long[] regs = new long[32];
        long known = 1; // x0
        long pc;
        try {
            pc = t.pc();
        } catch (TargetAccess.AccessException e) {
            return new Backtrace(frames, "pc unreadable: " + e.getMessage());
        }
        for (int r = 1; r < 32; r++) {
            try {
                regs[r] = t.register(r);
                known |= 1L << r;
            } catch (TargetAccess.AccessException e) {
                known &= ~(1L << r);
            }
        }
        int addressSize = t.xlen() / 8;
        long mask = addressSize == 4 ? 0xffff_ffffL : -1L;
        long prevCfa = 0;
        for (int level = 0; ; level++) {
            if (level >= maxFrames) {
                return new Backtrace(frames, "frame limit " + maxFrames);
            }
            long lookup = level == 0 ? pc : pc - 1;
            Optional<CfiRow> row;
            try {
                row = cfi.rowAt(lookup);
            } catch (DwarfException e) {
                frames.add(new Frame(level, pc, regs[SP], regs, known));
                return new Backtrace(frames, "bad call frame information: " + e.getMessage());
            }
            long[] caller = regs.clone();
            long callerKnown = known;
            long cfa;
            if (row.isEmpty()) {
                cfa = regs[SP];
                frames.add(new Frame(level, pc, cfa, regs, known));
                if (level > 0 || (known & (1L << RA)) == 0) {
                    return new Backtrace(frames, "no call frame information for 0x" + Long.toHexString(pc));
                }
            } else {
                CfiRow r = row.get();
                Context ctx = new Context(t, regs, known);
                try {
                    cfa = cfa(r.cfa(), ctx, addressSize) & mask;
                } catch (DwarfException e) {
                    frames.add(new Frame(level, pc, regs[SP], regs, known));
                    return new Backtrace(frames, "CFA not computable at 0x" + Long.toHexString(pc) + ": "
                            + e.getMessage());
                }
                frames.add(new Frame(level, pc, cfa, regs, known));
                caller[SP] = cfa;
                callerKnown |= 1L << SP;
                for (int reg = 1; reg < 32; reg++) {
                    RegisterRule rule = r.rule(reg);
                    if (reg == SP && !r.registers().containsKey(SP)) {
                        continue;
                    }
                    try {
                        OptionalValue v = apply(rule, reg, cfa, ctx, addressSize);
                        if (v.known) {
                            caller[reg] = v.value & mask;
                            callerKnown |= 1L << reg;
                        } else {
                            callerKnown &= ~(1L << reg);
                        }
                    } catch (DwarfException e) {
                        callerKnown &= ~(1L << reg);
                    }
                }
                if (r.returnAddressColumn() != RA && r.returnAddressColumn() < 32) {
                    int col = r.returnAddressColumn();
                    caller[RA] = caller[col];
                    callerKnown = (callerKnown & ~(1L << RA)) | (((callerKnown >>> col) & 1) << RA);
                }
            }
            if ((callerKnown & (1L << RA)) == 0) {
                return new Backtrace(frames, "return address undefined (outermost frame)");
            }
            long ra = caller[RA];
            if (ra == 0) {
                return new Backtrace(frames, "return address 0");
            }
            if (!text.test(ra)) {
                return new Backtrace(frames, "return address 0x" + Long.toHexString(ra) + " outside the text");
            }
            if (level > 0 && ra == pc && cfa == prevCfa) {
                return new Backtrace(frames, "frame repeats itself at 0x" + Long.toHexString(pc));
            }
            prevCfa = cfa;
            pc = ra;
            regs = caller;
            known = callerKnown | 1;
        }
    }

    private static long cfa(CfaRule rule, Context ctx, int addressSize) {
        if (rule.expression() != null) {
            return DwarfExpression.evaluate(rule.expression(), addressSize, ctx);
        }
        return ctx.register(rule.register()) + rule.offset();
    }

    private record OptionalValue(boolean known, long value) {
    }

    private static OptionalValue apply(RegisterRule rule, int reg, long cfa, Context ctx, int addressSize) {
        return switch (rule.kind()) {
            case UNDEFINED -> new OptionalValue(false, 0);
            case SAME_VALUE -> ctx.known(reg) ? new OptionalValue(true, ctx.register(reg)) : new OptionalValue(false, 0);
            case OFFSET -> new OptionalValue(true, ctx.memory(cfa + rule.offset(), addressSize));
            case VAL_OFFSET -> new OptionalValue(true, cfa + rule.offset());
            case REGISTER -> new OptionalValue(true, ctx.register(rule.register()));
            case EXPRESSION -> new OptionalValue(true,
                    ctx.memory(DwarfExpression.evaluate(rule.expression(), addressSize, ctx, cfa), addressSize));
            case VAL_EXPRESSION -> new OptionalValue(true,
                    DwarfExpression.evaluate(rule.expression(), addressSize, ctx, cfa));
        };
    }

    /** Registers of the frame being unwound, memory of the target. */
    private record Context(TargetAccess t, long[] regs, long known) implements DwarfExpression.Context {
        boolean known(int reg) {
            return reg >= 0 && reg < 32 && (known & (1L << reg)) != 0;
        }

        @Override
        public long register(int reg) {
            if (!known(reg)) {
                throw new DwarfException("register " + reg + " is not known in this frame");
            }
            return regs[reg];
        }

        @Override
        public long memory(long address, int size) {
            try {
                byte[] b = t.memory(address, size);
                long v = 0;
                for (int i = Math.min(size, b.length) - 1; i >= 0; i--) {
                    v = (v << 8) | (b[i] & 0xff);
                }
                return v;
            } catch (TargetAccess.AccessException e) {
                throw new DwarfException("memory at 0x" + Long.toHexString(address) + " unreadable: " + e.getMessage(),
                        e);
            }
        }
    }
}
