package dev.rewind.symbols.dwarf;

import java.util.Map;

/**
 * The unwind rules in effect at one address: the CFA rule and the rules of the registers that have one
 * (registers not in the map have the architecture's default: the same value).
 *
 * @param location            the address at which this row begins
 * @param cfa                 the CFA rule
 * @param registers           register number to rule
 * @param returnAddressColumn the CIE's return address register
 */
public record CfiRow(long location, CfaRule cfa, Map<Integer, RegisterRule> registers, int returnAddressColumn) {
    public CfiRow {
        registers = Map.copyOf(registers);
    }

    /** The rule of {@code reg} (SAME_VALUE when the row has none). */
    public RegisterRule rule(int reg) {
        return registers.getOrDefault(reg, RegisterRule.SAME_VALUE);
    }
}
