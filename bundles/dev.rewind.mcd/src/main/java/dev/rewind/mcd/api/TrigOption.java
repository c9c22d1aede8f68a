package dev.rewind.mcd.api;

/** mcd_trig_opt_et bits. */
public enum TrigOption implements McdFlag {
    DEFAULT(0),
    IMPL_HARDWARE(0x1),
    IMPL_SOFTWARE(0x2),
    OUT_OF_RANGE(0x4),
    DATA_IS_CONDITION(0x8),
    DATASIZE_IS_CONDITION(0x10),
    NOT_DATA(0x20),
    SIGNED_DATA(0x40),
    HW_THREAD_IS_CONDITION(0x80),
    NOT_HW_THREAD(0x100),
    SW_THREAD_IS_CONDITION(0x200),
    NOT_SW_THREAD(0x400),
    DATA_MUST_CHANGE(0x800),
    CORE_MODE_IS_CONDITION(0x20000),
    STATE_IS_CONDITION(0x40000),
    NOT(0x80000);

    private final int bit;

    TrigOption(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
