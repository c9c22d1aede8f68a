package dev.rewind.symbols.info;

import java.util.Map;

/** Attribute lookup that follows DW_AT_abstract_origin and DW_AT_specification (bounded against cycles). */
final class Origin {
    private static final int MAX_HOPS = 8;

    private Origin() {
    }

    /** {@code d} or the first DIE on its origin/specification chain that has {@code at}; null if none. */
    static Die with(Map<Long, Die> dies, Die d, int at) {
        Die cur = d;
        for (int i = 0; i < MAX_HOPS && cur != null; i++) {
            if (cur.has(at)) {
                return cur;
            }
            long next = cur.ref(Dw.AT_ABSTRACT_ORIGIN);
            if (next < 0) {
                next = cur.ref(Dw.AT_SPECIFICATION);
            }
            cur = next < 0 ? null : dies.get(next);
        }
        return null;
    }

    static String name(Map<Long, Die> dies, Die d) {
        Die o = with(dies, d, Dw.AT_NAME);
        return o == null ? null : o.name();
    }

    static int number(Map<Long, Die> dies, Die d, int at) {
        Die o = with(dies, d, at);
        return o == null ? 0 : (int) o.number(at, 0);
    }
}
