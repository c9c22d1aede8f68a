package dev.rewind.symbols.dwarf;

/**
 * How to compute the Canonical Frame Address: register + offset, or a DWARF expression.
 *
 * @param register   the base register (when expression is null)
 * @param offset     the offset added to it
 * @param expression the DWARF expression (DW_CFA_def_cfa_expression), else null
 */
public record CfaRule(int register, long offset, byte[] expression) {

    @Override
    public String toString() {
        return expression != null ? "exp" : "r" + register + (offset >= 0 ? "+" : "") + offset;
    }
}
