package dev.rewind.gdb.rsp;

import java.nio.charset.StandardCharsets;

/** Hex helpers of the remote serial protocol: byte strings, little-endian register values, numbers. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length * 2);
        for (byte b : data) {
            sb.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
        }
        return sb.toString();
    }

    public static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes pairs of hex digits; throws {@link ProtocolException} on odd length or a non-hex digit. */
    public static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new ProtocolException("odd number of hex digits: " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex.charAt(2 * i)) << 4 | digit(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    /** {@code value} as {@code bytes} bytes, least significant first (the target's byte order). */
    public static void appendLittleEndian(StringBuilder sb, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            int b = (int) (value >>> (8 * i)) & 0xff;
            sb.append(DIGITS[b >> 4]).append(DIGITS[b & 0xf]);
        }
    }

    /** Reads {@code bytes} little-endian bytes of hex from {@code offset}. */
    public static long littleEndian(CharSequence hex, int offset, int bytes) {
        if (offset < 0 || offset + 2 * bytes > hex.length()) {
            throw new ProtocolException("register data too short: need " + 2 * bytes + " hex digits at " + offset);
        }
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            long b = digit(hex.charAt(offset + 2 * i)) << 4 | digit(hex.charAt(offset + 2 * i + 1));
            v |= b << (8 * i);
        }
        return v;
    }

    /** An unsigned hex number (as gdb writes addresses, lengths and register numbers), up to 64 bits. */
    public static long parse(String s) {
        if (s.isEmpty() || s.length() > 16) {
            throw new ProtocolException("bad hex number '" + s + "'");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v = v << 4 | digit(s.charAt(i));
        }
        return v;
    }

    /** A number that must fit an int (lengths, register numbers). */
    public static int parseInt(String s) {
        long v = parse(s);
        if (v > Integer.MAX_VALUE) {
            throw new ProtocolException("number too large: " + s);
        }
        return (int) v;
    }

    public static String number(long v) {
        return Long.toHexString(v);
    }

    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new ProtocolException("not a hex digit: '" + c + "'");
    }
}
