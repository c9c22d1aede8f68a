package dev.rewind.mcd.api;

/** mcd_addr_st: a resolved address in a memory space. */
public record Addr(long address, int memSpaceId, int addrSpaceId, AddrSpaceType addrSpaceType) {
    public Addr {
        java.util.Objects.requireNonNull(addrSpaceType, "addrSpaceType");
    }

    public static Addr of(int memSpaceId, long address) {
        return new Addr(address, memSpaceId, 0, AddrSpaceType.NOTUSED);
    }
}
