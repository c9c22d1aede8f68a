package dev.rewind.plugins;

import dev.rewind.bus.Topic;

/** A line a plugin reported (results, or the runtime's message that it was refused or failed). */
@Topic("dev/rewind/plugin/report")
public record PluginReport(String machine, String plugin, String line) {
}
