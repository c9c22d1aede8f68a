package dev.rewind.mcd.api;

/**
 * Rewind extension (not in mcd_api.h): push notification of core events so front ends need
 * not poll mcd_qry_state_f. Called on the engine's execution thread; must not block.
 */
@FunctionalInterface
public interface McdEventListener {
    /**
     * @param core   the core the event is about
     * @param events OR'ed {@link CoreEvent} bits
     * @param state  the core state at the time of the event
     */
    void onEvent(McdCore core, int events, CoreState state);
}
