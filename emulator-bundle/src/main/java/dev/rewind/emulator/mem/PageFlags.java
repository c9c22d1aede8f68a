package dev.rewind.emulator.mem;

/** Bits of the per-page flag byte of {@link PhysicalMemory}. */
public final class PageFlags {
    private PageFlags() {
    }

    /** Page shared copy-on-write with a snapshot: stores must copy it first. */
    public static final int SHARED = 1;
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

    /** Flags that send loads to the slow path. */
    public static final int LOAD_SLOW = WATCH_READ;
    /** Flags that send stores to the slow path. */
    public static final int STORE_SLOW = SHARED | CODE | WATCH_WRITE | RESERVATION | HTIF;
}
