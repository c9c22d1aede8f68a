package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;
import dev.rewind.symbols.dwarf.DwarfException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The abbreviation table at one offset of .debug_abbrev (DWARF 5 section 7.5.3). */
final class AbbrevTable {

    /** More attributes in one declaration than any compiler emits: corrupt data. */
    static final int MAX_ATTRIBUTES = 256;

    private final Abbrev[] dense;
    private final Map<Long, Abbrev> sparse;

    private AbbrevTable(Abbrev[] dense, Map<Long, Abbrev> sparse) {
        this.dense = dense;
        this.sparse = sparse;
    }

    Abbrev get(long code) {
        if (code > 0 && code < dense.length && dense[(int) code] != null) {
            return dense[(int) code];
        }
        return sparse.get(code);
    }

    /** Parses the table starting at {@code offset}, up to its terminating zero code. */
    static AbbrevTable parse(DwarfCursor c, long offset) {
        c.position(offset);
        List<Abbrev> list = new ArrayList<>();
        Map<Long, Abbrev> sparse = new HashMap<>();
        long maxDense = 0;
        while (true) {
            long code = c.uleb();
            if (code == 0) {
                break;
            }
            int tag = (int) c.uleb();
            boolean children = c.u8() != 0;
            int[] at = new int[8];
            int[] fo = new int[8];
            long[] ic = null;
            int n = 0;
            while (true) {
                int name = (int) c.uleb();
                int form = (int) c.uleb();
                long implicit = form == Dw.FORM_IMPLICIT_CONST ? c.sleb() : 0;
                if (name == 0 && form == 0) {
                    break;
                }
                if (n == MAX_ATTRIBUTES) {
                    throw c.error("abbreviation " + code + " has more than " + MAX_ATTRIBUTES + " attributes");
                }
                if (n == at.length) {
                    at = java.util.Arrays.copyOf(at, n * 2);
                    fo = java.util.Arrays.copyOf(fo, n * 2);
                    if (ic != null) {
                        ic = java.util.Arrays.copyOf(ic, n * 2);
                    }
                }
                if (form == Dw.FORM_IMPLICIT_CONST) {
                    if (ic == null) {
                        ic = new long[at.length];
                    }
                    ic[n] = implicit;
                }
                at[n] = name;
                fo[n] = form;
                n++;
            }
            Abbrev a = new Abbrev(code, tag, children, java.util.Arrays.copyOf(at, n),
                    java.util.Arrays.copyOf(fo, n), ic == null ? new long[n] : java.util.Arrays.copyOf(ic, n));
            if (sparse.putIfAbsent(code, a) != null) {
                throw new DwarfException(".debug_abbrev+0x" + Long.toHexString(offset)
                        + ": abbreviation code " + code + " declared twice");
            }
            list.add(a);
            if (code < 65536) {
                maxDense = Math.max(maxDense, code);
            }
        }
        Abbrev[] dense = new Abbrev[(int) maxDense + 1];
        for (Abbrev a : list) {
            if (a.code() <= maxDense) {
                dense[(int) a.code()] = a;
            }
        }
        return new AbbrevTable(dense, sparse);
    }
}
