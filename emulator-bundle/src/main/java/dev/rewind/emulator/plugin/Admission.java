package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.PluginApi;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.List;

/**
 * Whether a plugin may be installed next to those installed: its API version range read and negotiated against the
 * host's ({@link PluginApi#negotiate}), and not installed already.
 *
 * @param version the negotiated API version (meaningful when {@code refusal} is null)
 * @param refusal why the plugin is refused, or null
 */
record Admission(int version, String refusal) {

    static Admission of(RewindPlugin p, List<Installed> installed) {
        int min;
        int cur;
        try {
            min = p.apiVersionMin();
            cur = p.apiVersion();
        } catch (RuntimeException e) {
            return new Admission(-1, "its API version could not be read: " + e);
        }
        int v = PluginApi.negotiate(PluginApi.MIN_VERSION, PluginApi.VERSION, min, cur);
        if (v < 0) {
            return new Admission(-1, "it supports API versions " + min + ".." + cur + ", the host "
                    + PluginApi.MIN_VERSION + ".." + PluginApi.VERSION);
        }
        for (Installed i : installed) {
            if (i.plugin == p) {
                return new Admission(-1, "it is installed already");
            }
        }
        return new Admission(v, null);
    }
}
