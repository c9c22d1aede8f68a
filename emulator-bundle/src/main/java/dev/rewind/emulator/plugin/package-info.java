/**
 * The engine side of the plugin API ({@code dev.rewind.plugin.api}): the per-machine {@link
 * dev.rewind.emulator.plugin.PluginHost} and the probes that the interpreter fires and the translator emits.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.emulator.plugin;
