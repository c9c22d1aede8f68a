package dev.rewind.plugin.api;

/** A hart starts or stops. */
@FunctionalInterface
public interface HartCallback {
    void hart(int hart, long time);
}
