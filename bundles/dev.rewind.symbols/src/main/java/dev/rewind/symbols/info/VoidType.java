package dev.rewind.symbols.info;

/** {@code void}, or a DWARF unspecified type (its name kept). */
public final class VoidType extends Type {
    /** Plain {@code void}. An immutable constant. */
    public static final VoidType VOID = new VoidType("void");

    private final String spelled;

    VoidType(String spelled) {
        this.spelled = spelled;
    }

    String spelled() {
        return spelled;
    }

    @Override
    public long size() {
        return 0;
    }
}
