package dev.rewind.mcd.api;

/** mcd_chl_attributes_et bits. */
public enum ChlAttribute implements McdFlag {
    RCV(0x1),
    SND(0x2),
    MEM_MAPPED(0x40),
    HAS_PRIO(0x800);

    private final int bit;

    ChlAttribute(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
