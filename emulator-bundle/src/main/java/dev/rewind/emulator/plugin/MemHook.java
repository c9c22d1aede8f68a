package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.MemCallback;

/** A memory callback and the access kinds it wants ({@link MemCallback#LOAD}/{@link MemCallback#STORE} bits). */
record MemHook(Installed owner, MemCallback cb, int want) {
}
