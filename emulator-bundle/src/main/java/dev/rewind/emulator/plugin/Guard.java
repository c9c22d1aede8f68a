package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.ExecCallback;

/**
 * A plugin's execution callback as translated code calls it (directly, through {@code JitCode.calls}): skipped once
 * its plugin failed, and failing the plugin when it throws.
 */
final class Guard implements ExecCallback {
    private final PluginHost host;
    private final Installed owner;
    private final ExecCallback cb;

    Guard(PluginHost host, Installed owner, ExecCallback cb) {
        this.host = host;
        this.owner = owner;
        this.cb = cb;
    }

    @Override
    public void exec(int hart, long time) {
        if (owner.alive) {
            try {
                cb.exec(hart, time);
            } catch (Throwable t) {
                host.failed(owner, t);
            }
        }
    }
}
