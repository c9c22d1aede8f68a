package dev.rewind.debug;

/** A named point in virtual time. */
public record Bookmark(String name, long time) {
}
