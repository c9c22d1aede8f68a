package dev.rewind.bus;

/** A diagnostic event: proves that the bus delivers, used by {@code rewind:ping} and the runtime tests. */
@Topic("dev/rewind/bus/ping")
public record BusPing(String message, long sequence) {
}
