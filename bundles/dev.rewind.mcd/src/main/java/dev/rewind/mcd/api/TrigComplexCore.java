package dev.rewind.mcd.api;

/**
 * mcd_trig_complex_core_st: a simple core trigger plus data value, data size, hardware thread
 * and core mode conditions.
 */
public record TrigComplexCore(int type, int option, int action, int actionParam, boolean modified, int stateMask,
        Addr addrStart, long addrRange, long dataStart, long dataRange, long dataMask, int dataSize, int hwThreadId,
        long swThreadId, int coreModeMask) implements Trigger {

    public TrigComplexCore withModified(int newOption) {
        return new TrigComplexCore(type, newOption, action, actionParam, true, stateMask, addrStart, addrRange,
                dataStart, dataRange, dataMask, dataSize, hwThreadId, swThreadId, coreModeMask);
    }
}
