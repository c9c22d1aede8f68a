package dev.rewind.trace;

import dev.rewind.bus.Topic;

/** Names of the functions a trace's ENTRY events point to, posted once per trace before its batches. */
@Topic("dev/rewind/trace/functions")
public record TraceFunctions(String trace, long[] addresses, String names) {
}
