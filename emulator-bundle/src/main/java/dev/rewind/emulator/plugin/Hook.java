package dev.rewind.emulator.plugin;

/** A callback registered by an installed plugin (or by the engine's own legacy instrumentation: owner null). */
record Hook<T>(Installed owner, T cb) {
    boolean alive() {
        return owner == null || owner.alive;
    }
}
