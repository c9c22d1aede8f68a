package dev.rewind.mcd.api;

/** mcd_trig_simple_core_st: instruction address or data access trigger on an address range. */
public record TrigSimpleCore(int type, int option, int action, int actionParam, boolean modified, int stateMask,
        Addr addrStart, long addrRange) implements Trigger {

    /** A breakpoint at {@code address} in memory space {@code memSpaceId} that stops this core. */
    public static TrigSimpleCore breakpoint(int memSpaceId, long address) {
        return new TrigSimpleCore(TrigType.IP.bit(), TrigOption.DEFAULT.bit(), TrigAction.DBG_DEBUG.bit(), 0, false, 0,
                Addr.of(memSpaceId, address), 0);
    }

    /** A watchpoint of {@code kind} (READ, WRITE or RW) on {@code length} bytes that stops this core. */
    public static TrigSimpleCore watchpoint(TrigType kind, int memSpaceId, long address, long length) {
        return new TrigSimpleCore(kind.bit(), TrigOption.DEFAULT.bit(), TrigAction.DBG_DEBUG.bit(), 0, false, 0,
                Addr.of(memSpaceId, address), Math.max(0, length - 1));
    }

    public TrigSimpleCore withModified(int newOption, long newRange) {
        return new TrigSimpleCore(type, newOption, action, actionParam, true, stateMask, addrStart, newRange);
    }
}
