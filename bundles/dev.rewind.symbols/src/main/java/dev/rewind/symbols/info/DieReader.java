package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a unit's DIE tree (iteratively, so deep nesting cannot overflow the stack) and its base attributes. */
final class DieReader {

    /** Deeper nesting than any real program has: corrupt data. */
    static final int MAX_DEPTH = 512;

    private final Map<Long, AbbrevTable> abbrevCache = new HashMap<>();
    private final DwarfCursor abbrevs;

    DieReader(Sections sections) {
        this.abbrevs = sections.cursor(".debug_abbrev");
    }

    /** Reads every DIE of {@code u} from {@code c} (positioned anywhere; the unit's bounds are used). */
    void read(Unit u, DwarfCursor c, Map<Long, Die> index) {
        AbbrevTable table = abbrevCache.get(u.abbrevOffset);
        if (table == null) {
            table = AbbrevTable.parse(abbrevs, u.abbrevOffset);
            abbrevCache.put(u.abbrevOffset, table);
        }
        c.position(u.dieStart);
        List<List<Die>> stack = new ArrayList<>();
        List<Die> parents = new ArrayList<>();
        List<Die> top = new ArrayList<>(1);
        stack.add(top);
        while (c.position() < u.end) {
            long at = c.position();
            long code = c.uleb();
            if (code == 0) {
                if (parents.isEmpty()) {
                    continue; // padding after the root
                }
                close(stack, parents);
                continue;
            }
            Abbrev a = table.get(code);
            if (a == null) {
                throw c.error("unknown abbreviation code " + code + " (table at .debug_abbrev+0x"
                        + Long.toHexString(u.abbrevOffset) + ")", at);
            }
            Die d = readDie(u, c, a, at);
            index.put(at, d);
            if (!parents.isEmpty()) {
                d.parent = parents.get(parents.size() - 1);
            } else if (u.root != null) {
                throw c.error("second top-level DIE in unit", at);
            } else {
                u.root = d;
                applyBases(u, d);
            }
            stack.get(stack.size() - 1).add(d);
            if (a.hasChildren()) {
                if (parents.size() >= MAX_DEPTH) {
                    throw c.error("DIEs nested deeper than " + MAX_DEPTH, at);
                }
                parents.add(d);
                stack.add(new ArrayList<>());
            }
        }
        while (!parents.isEmpty()) {
            close(stack, parents); // a unit may end without its final null entries
        }
        if (u.root == null) {
            throw c.error("unit has no DIE", u.offset);
        }
    }

    private static void close(List<List<Die>> stack, List<Die> parents) {
        Die p = parents.remove(parents.size() - 1);
        List<Die> kids = stack.remove(stack.size() - 1);
        p.children = kids.toArray(Die.NO_CHILDREN);
    }

    private static Die readDie(Unit u, DwarfCursor c, Abbrev a, long at) {
        int n = a.forms().length;
        int[] forms = a.forms();
        long[] values = new long[n];
        Object[] objects = null;
        for (int i = 0; i < n; i++) {
            int form = forms[i];
            if (form == Dw.FORM_INDIRECT) {
                if (forms == a.forms()) {
                    forms = forms.clone();
                }
                form = (int) c.uleb();
                if (form == Dw.FORM_INDIRECT || form == Dw.FORM_IMPLICIT_CONST) {
                    throw c.error("DW_FORM_indirect names form 0x" + Integer.toHexString(form));
                }
                forms[i] = form;
            }
            objects = Forms.read(c, form, u, a.implicitConsts()[i], i, values, objects);
        }
        if (c.position() > u.end) {
            throw c.error("DIE runs past the unit's end", at);
        }
        return new Die(u, at, a, forms, values, objects);
    }

    private static void applyBases(Unit u, Die root) {
        u.strOffsetsBase = root.number(Dw.AT_STR_OFFSETS_BASE, u.strOffsetsBase);
        u.addrBase = root.number(Dw.AT_ADDR_BASE, root.number(Dw.AT_GNU_ADDR_BASE, u.addrBase));
        u.rnglistsBase = root.number(Dw.AT_RNGLISTS_BASE, root.number(Dw.AT_GNU_RANGES_BASE, 0));
        u.loclistsBase = root.number(Dw.AT_LOCLISTS_BASE, 0);
        // DW_AT_low_pc may be addrx: resolved with the addr_base just set
        u.baseAddress = root.number(Dw.AT_LOW_PC, 0);
    }
}
