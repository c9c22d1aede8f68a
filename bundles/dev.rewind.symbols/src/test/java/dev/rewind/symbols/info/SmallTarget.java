package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess;

/** A tiny target for unit tests: registers x0..x31 and one memory window; everything else fails. */
final class SmallTarget implements TargetAccess {
    final long[] regs = new long[32];
    private final long base;
    private final byte[] mem;

    SmallTarget(long base, byte[] mem) {
        this.base = base;
        this.mem = mem;
    }

    @Override
    public int xlen() {
        return 32;
    }

    @Override
    public long register(int r) throws AccessException {
        if (r < 0 || r >= 32) {
            throw new AccessException(r, "no register " + r);
        }
        return regs[r];
    }

    @Override
    public long pc() {
        return 0x1000;
    }

    @Override
    public byte[] memory(long address, int length) throws AccessException {
        if (address < base || address + length > base + mem.length) {
            throw new AccessException(address, "outside the test window");
        }
        byte[] b = new byte[length];
        System.arraycopy(mem, (int) (address - base), b, 0, length);
        return b;
    }
}
