package dev.rewind.dap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which session breakpoints this connection set, by DAP kind: DAP replaces a whole set per request (the
 * breakpoints of one source, all function breakpoints, ...), so each set remembers its session ids. The DAP
 * breakpoint id is the session's breakpoint id.
 */
public final class BreakpointBook {

    /** DAP's kinds of breakpoint sets. */
    public enum Kind {
        SOURCE, FUNCTION, INSTRUCTION, DATA
    }

    private final Map<String, List<Integer>> bySource = new HashMap<>();
    private final Map<Kind, List<Integer>> byKind = new HashMap<>();
    private final Map<Integer, Kind> kinds = new HashMap<>();

    /** The ids of a set: {@code source} names the source file for {@link Kind#SOURCE}, else null. */
    public synchronized List<Integer> ids(Kind kind, String source) {
        List<Integer> ids = kind == Kind.SOURCE ? bySource.get(source) : byKind.get(kind);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** Replaces a set's ids. */
    public synchronized void replace(Kind kind, String source, List<Integer> ids) {
        for (Integer old : ids(kind, source)) {
            kinds.remove(old);
        }
        if (kind == Kind.SOURCE) {
            bySource.put(source, new ArrayList<>(ids));
        } else {
            byKind.put(kind, new ArrayList<>(ids));
        }
        for (Integer id : ids) {
            kinds.put(id, kind);
        }
    }

    /** The kind of a session breakpoint this connection set, or null. */
    public synchronized Kind kindOf(int id) {
        return kinds.get(id);
    }
}
