package dev.rewind.emulator.mem;

/** Bits of the per-page flag byte of {@link PhysicalMemory}. */
public final class PageFlags {
    private PageFlags() {
    }

    /** Page equal to a page kept by snapshots: the first store marks it dirty (so the next snapshot keeps it). */
    public static final int CLEAN = 1;
    /** Decoded blocks exist for this page: stores must invalidate them. */
    public static final int CODE = 2;
    /** A breakpoint lies on this page: blocks on it are built with breakpoint checks. */
    public static final int BREAKPOINT = 4;
    /** A read watchpoint overlaps this page. */
    public static final int WATCH_READ = 8;
    /** A write watchpoint overlaps this page. */
    public static final int WATCH_WRITE = 16;
    /** Some hart holds an LR reservation on this page: stores must break it. */
    public static final int RESERVATION = 32;
    /** The page holds an HTIF {@code tohost} word: stores must notify HTIF. */
    public static final int HTIF = 64;

    /**
     * A dirty page whose contents a {@link PhysicalMemory#mark() mark} has not saved yet: the first store saves
     * them. (Bit 7: the flag byte reads negative as a Java {@code byte}; mask it, as every use here does.)
     */
    public static final int JOURNAL = 128;

    /** Flags that send loads to the slow path. */
    public static final int LOAD_SLOW = WATCH_READ;
    /** Flags that send stores to the slow path. */
    public static final int STORE_SLOW = CLEAN | CODE | WATCH_WRITE | RESERVATION | HTIF | JOURNAL;
}
