package dev.rewind.mcd.api;

/** mcd_trig_type_et bits. */
public enum TrigType implements McdFlag {
    UNDEFINED(0),
    IP(0x1),
    READ(0x2),
    WRITE(0x4),
    RW(0x8),
    NOCYCLE(0x10),
    TRIG_BUS(0x20),
    COUNTER(0x40),
    CUSTOM(0x80);

    private final int bit;

    TrigType(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
