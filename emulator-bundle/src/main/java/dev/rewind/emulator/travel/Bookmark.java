package dev.rewind.emulator.travel;

import java.util.Objects;

/**
 * A named point in virtual time.
 *
 * @param name        one non-empty word (no blanks), unique within a {@link TimeMachine}
 * @param description free text, possibly empty (never {@code null})
 * @param time        virtual time
 */
public record Bookmark(String name, String description, long time) {

    public Bookmark {
        checkName(name);
        Objects.requireNonNull(description, "description");
        if (time < 0) {
            throw new IllegalArgumentException("bookmark time must not be negative: " + time);
        }
    }

    /** @throws IllegalArgumentException unless {@code name} is one non-empty word of at most 200 characters */
    public static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a bookmark name must be one non-empty word (no blanks, at most 200"
                    + " characters): '" + name + "'");
        }
    }
}
