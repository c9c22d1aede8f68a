package dev.rewind.plugin.api;

/** Time travel notifications. */
@FunctionalInterface
public interface TimeTravelCallback {
    void timeTravel(TimeTravelEvent event, long time);
}
