package dev.rewind.symbols;

import java.util.OptionalLong;

/**
 * One frame of a backtrace: its pc, its Canonical Frame Address and the general registers x0..x31 as they were
 * in that frame (those the call frame information could recover). Frame 0 is the innermost.
 */
public final class Frame {

    private final int level;
    private final long pc;
    private final long cfa;
    private final long[] regs;
    private final long known;

    Frame(int level, long pc, long cfa, long[] regs, long known) {
        this.level = level;
        this.pc = pc;
        this.cfa = cfa;
        this.regs = regs.clone();
        this.known = known;
    }

    public int level() {
        return level;
    }

    /** The frame's pc: where it stopped (frame 0) or the return address into it (outer frames). */
    public long pc() {
        return pc;
    }

    /**
     * The address to look symbols and lines up with: pc for frame 0, pc - 1 for outer frames (their pc is a return
     * address, which may already belong to the next line or, after a call that does not return, the next function).
     */
    public long lookupPc() {
        return level == 0 ? pc : pc - 1;
    }

    /** The Canonical Frame Address (the caller's sp at the call). */
    public long cfa() {
        return cfa;
    }

    /** General register {@code n} (0..31) in this frame, if it was recovered. */
    public OptionalLong register(int n) {
        return n >= 0 && n < 32 && (known & (1L << n)) != 0 ? OptionalLong.of(regs[n]) : OptionalLong.empty();
    }

    /**
     * A view of the target as this frame sees it: its registers and pc, the target's memory. Reading a register
     * that was not recovered throws {@link TargetAccess.AccessException}.
     */
    public TargetAccess access(TargetAccess target) {
        return new TargetAccess() {
            @Override
            public int xlen() {
                return target.xlen();
            }

            @Override
            public long register(int dwarfRegister) throws AccessException {
                OptionalLong v = Frame.this.register(dwarfRegister);
                if (v.isPresent()) {
                    return v.getAsLong();
                }
                if (level == 0 && dwarfRegister >= 32) {
                    return target.register(dwarfRegister);
                }
                throw new AccessException(dwarfRegister, "register " + dwarfRegister + " was not saved in frame "
                        + level);
            }

            @Override
            public int registerNumber(String name) {
                return target.registerNumber(name);
            }

            @Override
            public long pc() {
                return pc;
            }

            @Override
            public byte[] memory(long address, int length) throws AccessException {
                return target.memory(address, length);
            }
        };
    }

    @Override
    public String toString() {
        return "#" + level + " pc=0x" + Long.toHexString(pc) + " cfa=0x" + Long.toHexString(cfa) + " ("
                + Long.bitCount(known) + " registers known)";
    }
}
