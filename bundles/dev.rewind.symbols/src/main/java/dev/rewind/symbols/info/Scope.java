package dev.rewind.symbols.info;

import java.util.List;

/**
 * A lexical scope with pc ranges: a function's body, a lexical block, or an inlined call (the inlined function's
 * body, whose parameters and locals it holds). Variables are in DWARF order (parameters first). Immutable once the
 * loader has published it.
 */
public final class Scope {

    public enum Kind { FUNCTION, BLOCK, INLINED_CALL }

    private final Kind kind;
    private final List<PcRange> ranges;
    private final String name;
    private final int callFile;
    private final int callLine;
    private final long entryPc;
    private List<Variable> variables = List.of();
    private List<Scope> children = List.of();
    private Scope parent;

    Scope(Kind kind, List<PcRange> ranges, String name, int callFile, int callLine, long entryPc) {
        this.kind = kind;
        this.ranges = List.copyOf(ranges);
        this.name = name;
        this.callFile = callFile;
        this.callLine = callLine;
        this.entryPc = entryPc;
    }

    void fill(List<Variable> vars, List<Scope> kids) {
        this.variables = List.copyOf(vars);
        this.children = List.copyOf(kids);
        for (Scope k : kids) {
            k.parent = this;
        }
    }

    public Kind kind() {
        return kind;
    }

    public List<PcRange> ranges() {
        return ranges;
    }

    /** The function's name, or for an inlined call the inlined function's name; null for a block. */
    public String name() {
        return name;
    }

    /** For an inlined call: DW_AT_call_file (line-table file index) and DW_AT_call_line; else 0. */
    public int callFile() {
        return callFile;
    }

    public int callLine() {
        return callLine;
    }

    /** DW_AT_entry_pc (or the lowest pc) of an inlined call or function. */
    public long entryPc() {
        return entryPc;
    }

    public List<Variable> variables() {
        return variables;
    }

    public List<Scope> children() {
        return children;
    }

    /** The enclosing scope, or null for a function's body. */
    public Scope parent() {
        return parent;
    }

    /** Whether this scope is a frame of its own: a function or an inlined call. */
    public boolean isFrame() {
        return kind != Kind.BLOCK;
    }

    public boolean contains(long pc) {
        for (PcRange r : ranges) {
            if (r.contains(pc)) {
                return true;
            }
        }
        return false;
    }

    /** The child scope containing {@code pc}, or null. */
    Scope childAt(long pc) {
        for (Scope c : children) {
            if (c.contains(pc)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind + (name == null ? "" : " " + name) + " " + ranges;
    }
}
