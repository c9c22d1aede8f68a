/**
 * The plugin runtime: picks up {@link dev.rewind.plugin.api.RewindPlugin} services (whiteboard) and installs them
 * into the machines that are attached to it ({@link dev.rewind.plugins.PluginRegistry}); plugin reports go to the
 * caller and to the event bus ({@link dev.rewind.plugins.PluginReport}, topic {@code dev/rewind/plugin/report}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.plugins;
