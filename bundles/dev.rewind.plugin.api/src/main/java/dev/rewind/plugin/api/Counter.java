package dev.rewind.plugin.api;

/** A per-hart counter (QEMU's scoreboard of u64) filled by inline additions. */
public interface Counter {

    String name();

    /** The cell of {@code hart}. */
    long get(int hart);

    /** All cells added up. */
    long sum();
}
