package dev.rewind.symbols.info;

/** Removes typedefs and qualifiers, bounded so that a corrupt cycle of typedefs cannot loop forever. */
final class Strip {
    static final int MAX_CHAIN = 64;

    private Strip() {
    }

    static Type strip(Type t) {
        for (int i = 0; i < MAX_CHAIN; i++) {
            if (t instanceof TypedefType td) {
                t = td.target();
            } else if (t instanceof QualifiedType q) {
                t = q.target();
            } else {
                return t;
            }
        }
        return VoidType.VOID;
    }
}
