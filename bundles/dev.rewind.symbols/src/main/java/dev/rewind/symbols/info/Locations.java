package dev.rewind.symbols.info;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads a DIE's pc ranges and location attributes (expressions, location lists, constants). */
final class Locations {
    private final Consumer<String> problems;

    Locations(Consumer<String> problems) {
        this.problems = problems;
    }

    /** DW_AT_low_pc/DW_AT_high_pc or DW_AT_ranges; empty when the DIE has neither (or they are unreadable). */
    List<PcRange> ranges(Die d) {
        try {
            if (d.has(Dw.AT_RANGES)) {
                return Lists.ranges(d.unit, d.form(Dw.AT_RANGES), d.values[d.abbrev.indexOf(Dw.AT_RANGES)]);
            }
            if (d.has(Dw.AT_LOW_PC)) {
                long lo = d.number(Dw.AT_LOW_PC, 0);
                if (!d.has(Dw.AT_HIGH_PC)) {
                    return List.of(new PcRange(lo, lo + 1));
                }
                long hi = d.number(Dw.AT_HIGH_PC, 0);
                if (!Forms.isAddress(d.form(Dw.AT_HIGH_PC))) {
                    hi += lo; // DWARF 4+: a constant high_pc is the length
                }
                return Long.compareUnsigned(hi, lo) > 0 ? List.of(new PcRange(lo, hi)) : List.of();
            }
        } catch (RuntimeException e) {
            problems.accept("ranges of DIE 0x" + Long.toHexString(d.offset) + ": " + e.getMessage());
        }
        return List.of();
    }

    /** A location attribute ({@code DW_AT_location}, {@code DW_AT_frame_base}) of {@code d}. */
    VariableLocation location(Die d, int at) {
        int i = d.abbrev.indexOf(at);
        if (i < 0) {
            return VariableLocation.NONE;
        }
        int form = d.forms[i];
        if (Forms.isBlock(form)) {
            return VariableLocation.expression(d.block(at));
        }
        if (Forms.isListPointer(form, d.unit.version) || form == Dw.FORM_DATA4 || form == Dw.FORM_DATA8) {
            try {
                List<VariableLocation.Entry> out = new ArrayList<>();
                for (Lists.LocEntry e : Lists.locations(d.unit, form, d.values[i])) {
                    out.add(new VariableLocation.Entry(e.range(), e.expression()));
                }
                return VariableLocation.list(out);
            } catch (RuntimeException e) {
                String msg = "location list of DIE 0x" + Long.toHexString(d.offset) + ": " + e.getMessage();
                problems.accept(msg);
                return VariableLocation.error(msg);
            }
        }
        return VariableLocation.error("DIE 0x" + Long.toHexString(d.offset) + ": location in form 0x"
                + Integer.toHexString(form));
    }

    /** A variable's location: DW_AT_location, else DW_AT_const_value (on {@code constDie}), else none. */
    VariableLocation variable(Die d, Die constDie, Type type) {
        if (d.has(Dw.AT_LOCATION)) {
            return location(d, Dw.AT_LOCATION);
        }
        if (constDie == null) {
            return VariableLocation.NONE;
        }
        int i = constDie.abbrev.indexOf(Dw.AT_CONST_VALUE);
        int form = constDie.forms[i];
        if (Forms.isBlock(form) || form == Dw.FORM_DATA16) {
            byte[] b = form == Dw.FORM_DATA16 ? (byte[]) constDie.objects[i] : constDie.block(Dw.AT_CONST_VALUE);
            return VariableLocation.constant(b);
        }
        if (form == Dw.FORM_STRING || form == Dw.FORM_STRP || form == Dw.FORM_LINE_STRP
                || form == Dw.FORM_STRX || (form >= Dw.FORM_STRX1 && form <= Dw.FORM_STRX4)) {
            byte[] s = constDie.string(Dw.AT_CONST_VALUE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return VariableLocation.constant(java.util.Arrays.copyOf(s, s.length + 1));
        }
        long v = constDie.signed(Dw.AT_CONST_VALUE, 0);
        int size = (int) Math.min(8, Math.max(1, type.size()));
        byte[] b = new byte[size];
        for (int k = 0; k < size; k++) {
            b[k] = (byte) (v >>> (8 * k));
        }
        return VariableLocation.constant(b);
    }
}
