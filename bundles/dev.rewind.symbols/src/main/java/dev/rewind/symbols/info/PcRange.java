package dev.rewind.symbols.info;

/** Addresses {@code [low, high)}; unsigned comparisons. */
public record PcRange(long low, long high) {

    public boolean contains(long pc) {
        return Long.compareUnsigned(pc, low) >= 0 && Long.compareUnsigned(pc, high) < 0;
    }

    public boolean isEmpty() {
        return Long.compareUnsigned(high, low) <= 0;
    }

    @Override
    public String toString() {
        return "[0x" + Long.toHexString(low) + ", 0x" + Long.toHexString(high) + ")";
    }
}
