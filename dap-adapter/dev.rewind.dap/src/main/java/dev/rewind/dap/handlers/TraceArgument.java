package dev.rewind.dap.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launch (and attach) attribute {@code trace}: {@code true} (function calls and traps), {@code false} or absent
 * (no trace), a string of {@code rewind trace --what} items ({@code "calls,traps,mem=items_produced"}), or an
 * object {@code {calls: true, traps: true, mem: ["items_produced", "0x80001000+16"]}}.
 */
final class TraceArgument {
    static final String DEFAULT = "calls,traps";

    private TraceArgument() {
    }

    /** The trace items, or null for no trace. */
    static String items(Object o) {
        if (o == null || Boolean.FALSE.equals(o)) {
            return null;
        }
        if (Boolean.TRUE.equals(o)) {
            return DEFAULT;
        }
        if (o instanceof String s) {
            if (s.isBlank() || s.equals("true")) {
                return DEFAULT;
            }
            return s.equals("false") ? null : s.replace(" ", "");
        }
        if (o instanceof Map<?, ?> m) {
            List<String> items = new ArrayList<>();
            for (String k : List.of("calls", "traps", "uart", "blocks")) {
                if (Boolean.TRUE.equals(m.get(k))) {
                    items.add(k);
                }
            }
            if (m.get("mem") instanceof List<?> mem) {
                mem.forEach(x -> items.add("mem=" + x));
            } else if (m.get("mem") instanceof String x) {
                items.add("mem=" + x);
            }
            return items.isEmpty() ? DEFAULT : String.join(",", items);
        }
        throw new IllegalArgumentException("'trace' must be true, false, a list of items like \"calls,traps,mem=NAME\" "
                + "or an object {calls, traps, mem}, not " + o);
    }
}
