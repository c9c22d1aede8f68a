package dev.rewind.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A shared secret a client must present before a server does anything for it. Compared in constant time. The
 * token is never printed: {@link #toString()} hides it.
 */
public final class AccessToken {
    private static final AccessToken NONE = new AccessToken(null);
    private final byte[] secret;

    private AccessToken(byte[] secret) {
        this.secret = secret;
    }

    /** No token: every client is accepted (the default; the endpoint's own protection applies). */
    public static AccessToken none() {
        return NONE;
    }

    /** @throws IllegalArgumentException when {@code token} is empty or has white space or control characters */
    public static AccessToken of(String token) {
        if (token == null || token.isEmpty() || !token.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw new IllegalArgumentException("a token must be a non-empty string of printable ASCII without spaces");
        }
        return new AccessToken(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The first line of {@code file} (so the secret stays out of the process list). */
    public static AccessToken fromFile(Path file) throws IOException {
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        try {
            return of(first);
        } catch (IllegalArgumentException e) {
            throw new IOException("token file " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean required() {
        return secret != null;
    }

    /** True when no token is required or {@code presented} is the token. */
    public boolean accepts(Optional<String> presented) {
        if (secret == null) {
            return true;
        }
        byte[] given = presented.map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        return MessageDigest.isEqual(secret, given);
    }

    @Override
    public String toString() {
        return secret == null ? "no token" : "a token";
    }
}
