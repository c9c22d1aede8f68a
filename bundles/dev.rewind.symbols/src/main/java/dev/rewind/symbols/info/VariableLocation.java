package dev.rewind.symbols.info;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where a variable (or a frame base) lives, as DWARF describes it: one location expression for its whole scope, a
 * location list selected by pc, a constant value (DW_AT_const_value), nothing (optimized out), or an error found
 * while reading the list. Immutable.
 */
public final class VariableLocation {

    public enum Kind { NONE, EXPRESSION, LIST, CONSTANT, ERROR }

    /** One location-list entry: {@code expression} is valid for pcs in {@code range}. */
    public record Entry(PcRange range, byte[] expression) {
    }

    static final VariableLocation NONE = new VariableLocation(Kind.NONE, null, List.of(), null);

    private final Kind kind;
    private final byte[] bytes;
    private final List<Entry> entries;
    private final String error;

    private VariableLocation(Kind kind, byte[] bytes, List<Entry> entries, String error) {
        this.kind = kind;
        this.bytes = bytes;
        this.entries = entries;
        this.error = error;
    }

    static VariableLocation expression(byte[] expr) {
        return new VariableLocation(Kind.EXPRESSION, expr, List.of(), null);
    }

    static VariableLocation list(List<Entry> entries) {
        return new VariableLocation(Kind.LIST, null, List.copyOf(entries), null);
    }

    static VariableLocation constant(byte[] value) {
        return new VariableLocation(Kind.CONSTANT, value, List.of(), null);
    }

    static VariableLocation error(String message) {
        return new VariableLocation(Kind.ERROR, null, List.of(), message);
    }

    public Kind kind() {
        return kind;
    }

    /** Location-list entries (empty unless {@link Kind#LIST}). */
    public List<Entry> entries() {
        return entries;
    }

    /** The constant's bytes (target order) for {@link Kind#CONSTANT}. */
    public Optional<byte[]> constant() {
        return kind == Kind.CONSTANT ? Optional.of(bytes.clone()) : Optional.empty();
    }

    /** The error met while reading the location, for {@link Kind#ERROR}. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The location expression that applies at {@code pc}, if any (none: optimized out there). */
    public Optional<byte[]> expressionAt(long pc) {
        if (kind == Kind.EXPRESSION) {
            return Optional.of(bytes);
        }
        Entry dflt = null;
        for (Entry e : entries) {
            if (e.range().low() == 0 && e.range().high() == -1L) {
                dflt = e;
            } else if (e.range().contains(pc)) {
                return Optional.of(e.expression());
            }
        }
        return dflt == null ? Optional.empty() : Optional.of(dflt.expression());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "<optimized out>";
            case EXPRESSION -> "expr " + HexFormat.of().formatHex(bytes);
            case CONSTANT -> "const " + HexFormat.of().formatHex(bytes);
            case ERROR -> "<error: " + error + ">";
            case LIST -> "list of " + entries.size();
        };
    }
}
