package dev.rewind.symbols;

import dev.rewind.symbols.dwarf.LineRows;
import dev.rewind.symbols.dwarf.LineUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Address to line lookups over every sequence of every line unit: sequences sorted by start address, binary
 * search for the sequence, then for the row. Immutable.
 */
final class LineIndex {

    private final List<LineUnit> units;
    private final long[] seqStart;
    private final long[] seqEnd;
    private final long[] maxEnd;
    private final int[] seqUnit;
    private final int[] seqFirst;
    private final int[] seqLast;
    private final FileLines fileLines;

    /** Indexes the units; sequences starting outside {@code text} (e.g. discarded by --gc-sections) are left out. */
    LineIndex(List<LineUnit> units, LongPredicate text) {
        this.units = List.copyOf(units);
        List<long[]> seqs = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            LineRows r = units.get(u).rows();
            int first = 0;
            for (int i = 0; i < r.size(); i++) {
                if (r.endSequence(i)) {
                    long start = r.address(first);
                    if (i > first && Long.compareUnsigned(start, r.address(i)) < 0 && text.test(start)) {
                        seqs.add(new long[] {start, r.address(i), u, first, i});
                    }
                    first = i + 1;
                }
            }
        }
        seqs.sort((a, b) -> a[0] != b[0] ? Long.compareUnsigned(a[0], b[0]) : Long.compare(a[2], b[2]));
        int n = seqs.size();
        seqStart = new long[n];
        seqEnd = new long[n];
        maxEnd = new long[n];
        seqUnit = new int[n];
        seqFirst = new int[n];
        seqLast = new int[n];
        for (int i = 0; i < n; i++) {
            long[] s = seqs.get(i);
            seqStart[i] = s[0];
            seqEnd[i] = s[1];
            maxEnd[i] = i == 0 || Long.compareUnsigned(s[1], maxEnd[i - 1]) > 0 ? s[1] : maxEnd[i - 1];
            seqUnit[i] = (int) s[2];
            seqFirst[i] = (int) s[3];
            seqLast[i] = (int) s[4];
        }
        this.fileLines = new FileLines(this);
    }

    List<LineUnit> units() {
        return units;
    }

    int sequences() {
        return seqStart.length;
    }

    LineUnit unit(int seq) {
        return units.get(seqUnit[seq]);
    }

    int first(int seq) {
        return seqFirst[seq];
    }

    int last(int seq) {
        return seqLast[seq];
    }

    Optional<SourceLine> lineAt(long pc) {
        int s = upperBound(seqStart, pc) - 1;
        while (s >= 0 && Long.compareUnsigned(pc, maxEnd[s]) < 0) {
            if (Long.compareUnsigned(pc, seqEnd[s]) < 0) {
                return Optional.of(at(s, pc));
            }
            s--;
        }
        return Optional.empty();
    }

    /**
     * The address after the prologue of the function at {@code entry} (ending at {@code end}): the next statement
     * row after the entry, unless several statement lines already start at the entry (optimised code: no prologue).
     */
    long prologueEnd(long entry, long end) {
        int s = upperBound(seqStart, entry) - 1;
        while (s >= 0 && Long.compareUnsigned(entry, maxEnd[s]) < 0 && Long.compareUnsigned(entry, seqEnd[s]) >= 0) {
            s--;
        }
        if (s < 0 || Long.compareUnsigned(entry, seqEnd[s]) >= 0) {
            return entry;
        }
        LineRows r = units.get(seqUnit[s]).rows();
        int i = seqFirst[s];
        while (i < seqLast[s] && Long.compareUnsigned(r.address(i), entry) < 0) {
            i++;
        }
        if (i >= seqLast[s] || r.address(i) != entry) {
            return entry;
        }
        int line = r.line(i);
        int j = i;
        for (; j < seqLast[s] && r.address(j) == entry; j++) {
            if (r.isStmt(j) && r.line(j) != 0 && r.line(j) != line) {
                return entry;
            }
        }
        for (; j < seqLast[s] && Long.compareUnsigned(r.address(j), end) < 0; j++) {
            if (r.line(j) != 0 && r.isStmt(j)) {
                return r.address(j);
            }
        }
        return entry;
    }

    Optional<LineAddresses> addressesOf(String file, int line) {
        return fileLines.addressesOf(file, line);
    }

    List<String> files() {
        return fileLines.files();
    }

    private SourceLine at(int s, long pc) {
        LineUnit unit = units.get(seqUnit[s]);
        LineRows r = unit.rows();
        int lo = seqFirst[s];
        int hi = seqLast[s];
        while (lo < hi) { // last row in [first, last) with address <= pc
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(r.address(mid), pc) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int row = Math.max(lo - 1, seqFirst[s]);
        int file = r.file(row);
        int line = r.line(row);
        int b = row;
        while (b > seqFirst[s] && r.file(b - 1) == file && r.line(b - 1) == line) {
            b--;
        }
        int e = row + 1;
        while (e < seqLast[s] && r.file(e) == file && r.line(e) == line) {
            e++;
        }
        long blockLo = r.address(b);
        // rows of other lines at the block's first address come before it: the block starts there anyway
        String path = unit.path(file);
        return new SourceLine(path != null ? path : "?", line, r.column(row), r.isStmt(row), r.address(row), blockLo,
                r.address(e));
    }

    private static int upperBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(a[mid], key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static long[] trim(long[] a, int n) {
        return n == a.length ? a : Arrays.copyOf(a, n);
    }
}
