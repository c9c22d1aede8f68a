package dev.rewind.plugin.api;

/**
 * API version numbers. The host supports every version from {@link #MIN_VERSION} to {@link #VERSION}; a plugin states
 * the oldest version it works with and the one it was built against ({@link RewindPlugin#apiVersionMin()},
 * {@link RewindPlugin#apiVersion()}). The negotiated version is the lower of the plugin's and the host's current
 * version; a plugin whose range does not meet the host's is refused with a message naming both ranges.
 */
public final class PluginApi {
    /** The version of this API (a plugin compiled against it gets this from {@link RewindPlugin#apiVersion()}). */
    public static final int VERSION = 1;
    /** The oldest version the host still supports. */
    public static final int MIN_VERSION = 1;

    private PluginApi() {
    }

    /**
     * The version a host supporting {@code [hostMin, hostCurrent]} and a plugin supporting {@code [pluginMin,
     * pluginCurrent]} agree on, or -1 when the ranges do not meet.
     */
    public static int negotiate(int hostMin, int hostCurrent, int pluginMin, int pluginCurrent) {
        int v = Math.min(hostCurrent, pluginCurrent);
        return pluginMin <= pluginCurrent && v >= hostMin && v >= pluginMin ? v : -1;
    }
}
