package dev.rewind.dap;

/** Memory references and numbers as DAP carries them: {@code 0x}-prefixed hexadecimal strings. */
public final class Addresses {

    private Addresses() {
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Fixed-width hex for register values of an {@code xlen}-bit hart. */
    public static String hex(long value, int xlen) {
        return xlen == 32 ? String.format("0x%08x", value & 0xffffffffL) : String.format("0x%016x", value);
    }

    /**
     * A memory reference or number: {@code 0x1f}, {@code 31}, {@code -1}. Throws IllegalArgumentException
     * naming the text when it is not one.
     */
    public static long parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String t = text.trim();
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        try {
            long v;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                v = Long.parseUnsignedLong(digits.substring(2).replace("_", ""), 16);
            } else {
                v = Long.parseLong(digits.replace("_", ""));
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number or 0x address", e);
        }
    }

    /** Whether {@code text} looks like a number ({@link #parse} would accept it). */
    public static boolean isNumber(String text) {
        return text != null && text.trim().matches("-?(0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)");
    }

    /** Truncates an address to the hart's width. */
    public static long mask(long value, int xlen) {
        return xlen == 32 ? value & 0xffffffffL : value;
    }
}
