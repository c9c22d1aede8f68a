package dev.rewind.symbols.info;

import java.util.Map;
import java.util.Optional;

/**
 * A call in a function's code (DW_TAG_call_site): the address the call returns to and, per DWARF register that
 * carries a parameter, an expression for the value passed (DW_AT_call_value, evaluated in the caller's frame).
 * With them a callee's DW_OP_entry_value can be answered.
 */
public record CallSite(long returnPc, Map<Integer, byte[]> parameterValues) {

    public CallSite {
        parameterValues = Map.copyOf(parameterValues);
    }

    /** The expression for the value passed in DWARF register {@code register}, if the compiler recorded it. */
    public Optional<byte[]> valueOf(int register) {
        return Optional.ofNullable(parameterValues.get(register));
    }
}
