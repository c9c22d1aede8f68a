package dev.rewind.debug;

/**
 * Where the session is in time: {@code now}; the earliest time history can reach; the newest time ever
 * reached ({@code frontier}; {@code now < frontier} means the session is back in history).
 */
public record TimeInfo(long now, long earliest, long frontier, boolean history) {
}
