package dev.rewind.mcd.api;

/** mcd_mem_type_et bits. */
public enum MemType implements McdFlag {
    DEFAULT(0),
    REGISTERS(0x1),
    PROGRAM(0x2),
    VIRTUAL(0x4),
    CACHE(0x8),
    PHYSICAL(0x10),
    LOGICAL(0x20);

    private final int bit;

    MemType(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
