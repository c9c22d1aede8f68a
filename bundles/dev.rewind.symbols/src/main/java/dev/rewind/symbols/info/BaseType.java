package dev.rewind.symbols.info;

/** An arithmetic type: {@code int}, {@code unsigned char}, {@code _Bool}, {@code double}... */
public final class BaseType extends Type {

    /** What the bits mean (DW_AT_encoding). */
    public enum Encoding { SIGNED, UNSIGNED, SIGNED_CHAR, UNSIGNED_CHAR, BOOLEAN, FLOAT, ADDRESS, OTHER }

    private final String baseName;
    private final long size;
    private final Encoding encoding;

    public BaseType(String name, long size, Encoding encoding) {
        this.baseName = name;
        this.size = size;
        this.encoding = encoding;
    }

    String baseName() {
        return baseName;
    }

    public Encoding encoding() {
        return encoding;
    }

    public boolean isSigned() {
        return encoding == Encoding.SIGNED || encoding == Encoding.SIGNED_CHAR;
    }

    public boolean isChar() {
        return encoding == Encoding.SIGNED_CHAR || encoding == Encoding.UNSIGNED_CHAR;
    }

    @Override
    public long size() {
        return size;
    }

    static Encoding encoding(int ate) {
        return switch (ate) {
            case Dw.ATE_SIGNED -> Encoding.SIGNED;
            case Dw.ATE_UNSIGNED -> Encoding.UNSIGNED;
            case Dw.ATE_SIGNED_CHAR -> Encoding.SIGNED_CHAR;
            case Dw.ATE_UNSIGNED_CHAR, Dw.ATE_UTF -> Encoding.UNSIGNED_CHAR;
            case Dw.ATE_BOOLEAN -> Encoding.BOOLEAN;
            case Dw.ATE_FLOAT -> Encoding.FLOAT;
            case Dw.ATE_ADDRESS -> Encoding.ADDRESS;
            default -> Encoding.OTHER;
        };
    }
}
