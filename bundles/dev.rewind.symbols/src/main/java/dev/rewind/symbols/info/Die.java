package dev.rewind.symbols.info;

import java.util.List;

/**
 * One debugging information entry as read from .debug_info: its tag and raw attribute values. Strings, addresses
 * and list indexes are resolved through the {@link Unit} on access. References are stored as absolute .debug_info
 * offsets. Only the loader touches these; the public model is built from them.
 */
final class Die {
    static final Die[] NO_CHILDREN = new Die[0];

    final Unit unit;
    final long offset;
    final Abbrev abbrev;
    final int[] forms;
    final long[] values;
    final Object[] objects;
    Die parent;
    Die[] children = NO_CHILDREN;

    Die(Unit unit, long offset, Abbrev abbrev, int[] forms, long[] values, Object[] objects) {
        this.unit = unit;
        this.offset = offset;
        this.abbrev = abbrev;
        this.forms = forms;
        this.values = values;
        this.objects = objects;
    }

    int tag() {
        return abbrev.tag();
    }

    List<Die> children() {
        return List.of(children);
    }

    boolean has(int at) {
        return abbrev.indexOf(at) >= 0;
    }

    int form(int at) {
        int i = abbrev.indexOf(at);
        return i < 0 ? 0 : forms[i];
    }

    /** The attribute's string value, or null. */
    String string(int at) {
        int i = abbrev.indexOf(at);
        return i < 0 ? null : unit.string(forms[i], values[i], objects == null ? null : objects[i]);
    }

    String name() {
        return string(Dw.AT_NAME);
    }

    /** The attribute as an unsigned constant / flag / offset / address (addrx resolved), or {@code dflt}. */
    long number(int at, long dflt) {
        int i = abbrev.indexOf(at);
        if (i < 0) {
            return dflt;
        }
        return unit.number(forms[i], values[i]);
    }

    /** A signed constant: data1/2/4 sign-extended as the value of that size. */
    long signed(int at, long dflt) {
        int i = abbrev.indexOf(at);
        if (i < 0) {
            return dflt;
        }
        long v = values[i];
        return switch (forms[i]) {
            case Dw.FORM_DATA1 -> (byte) v;
            case Dw.FORM_DATA2 -> (short) v;
            case Dw.FORM_DATA4 -> (int) v;
            default -> unit.number(forms[i], v);
        };
    }

    boolean flag(int at) {
        return number(at, 0) != 0;
    }

    /** The attribute's block or exprloc bytes, or null. */
    byte[] block(int at) {
        int i = abbrev.indexOf(at);
        return i >= 0 && objects != null && objects[i] instanceof byte[] b ? b : null;
    }

    /** The referenced DIE (absolute .debug_info offset), or -1. */
    long ref(int at) {
        int i = abbrev.indexOf(at);
        if (i < 0 || !Forms.isReference(forms[i])) {
            return -1;
        }
        return forms[i] == Dw.FORM_REF_SIG8 ? unit.typeUnitDie(values[i]) : values[i];
    }

    @Override
    public String toString() {
        return "DIE 0x" + Long.toHexString(offset) + " tag 0x" + Integer.toHexString(tag());
    }
}
