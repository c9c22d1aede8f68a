package dev.rewind.plugin.api;

/** Which memory accesses a {@link MemCallback} sees. Atomics (LR, SC, AMO) count as both. */
public enum MemFilter {
    LOADS, STORES, ALL
}
