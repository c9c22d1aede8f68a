package dev.rewind.mcd.api;

/** mcd_tx_access_opt_et bits. */
public enum TxOption implements McdFlag {
    DEFAULT(0),
    SIDE_EFFECTS(0x1),
    NO_SIDE_EFFECTS(0x2),
    BURST_ACCESSES(0x4),
    NO_BURST_ACCESSES(0x8),
    ALTERNATE_PATH(0x10),
    PRIORITY_ACCESS(0x20),
    DCACHE_WRITE_THRU(0x40),
    CACHE_BYPASS(0x80),
    NOINCREMENT(0x100),
    ATOMIC_WITH_NEXT(0x200);

    private final int bit;

    TxOption(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
