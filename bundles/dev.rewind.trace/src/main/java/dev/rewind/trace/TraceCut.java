package dev.rewind.trace;

import dev.rewind.bus.Topic;

/** The past was changed at {@code time}: views drop every event of {@code trace} later than it. */
@Topic("dev/rewind/trace/cut")
public record TraceCut(String trace, long time) {
}
