package dev.rewind.symbols;

import dev.rewind.symbols.dwarf.LineRows;
import dev.rewind.symbols.dwarf.LineUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Line to address: per source path, the first is_stmt row of each run of rows of one line, sorted by line.
 */
final class FileLines {

    /** (line, address) pairs of one path, sorted by line then address. */
    private record Entries(int[] lines, long[] addresses) {
    }

    private final Map<String, Entries> byPath = new HashMap<>();
    /** base name -> (path, normalised path) of the paths with code, sorted by path. */
    private final Map<String, List<String[]>> byBase = new HashMap<>();
    private final List<String> files;

    FileLines(LineIndex index) {
        Map<String, List<long[]>> collect = new HashMap<>();
        for (int s = 0; s < index.sequences(); s++) {
            LineUnit unit = index.unit(s);
            LineRows r = unit.rows();
            boolean stmtInRun = false;
            for (int i = index.first(s); i < index.last(s); i++) {
                if (i > index.first(s) && (r.line(i - 1) != r.line(i) || r.file(i - 1) != r.file(i))) {
                    stmtInRun = false; // a new run of rows of one line starts
                }
                if (!r.isStmt(i) || r.line(i) <= 0 || stmtInRun) {
                    continue;
                }
                stmtInRun = true;
                String path = unit.path(r.file(i));
                if (path != null) {
                    collect.computeIfAbsent(path, k -> new ArrayList<>()).add(new long[] {r.line(i), r.address(i)});
                }
            }
        }
        TreeSet<String> names = new TreeSet<>();
        for (LineUnit u : index.units()) {
            for (int f = 0; u.path(f) != null || f == 0; f++) {
                if (u.path(f) != null) {
                    names.add(u.path(f));
                }
            }
        }
        for (Map.Entry<String, List<long[]>> e : collect.entrySet()) {
            List<long[]> l = e.getValue();
            l.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compareUnsigned(a[1], b[1]));
            int[] lines = new int[l.size()];
            long[] addrs = new long[l.size()];
            for (int i = 0; i < l.size(); i++) {
                lines[i] = (int) l.get(i)[0];
                addrs[i] = l.get(i)[1];
            }
            byPath.put(e.getKey(), new Entries(lines, addrs));
        }
        this.files = List.copyOf(names);
        for (String p : new TreeSet<>(byPath.keySet())) {
            String n = normalize(p);
            byBase.computeIfAbsent(baseName(n), k -> new ArrayList<>()).add(new String[] {p, n});
        }
    }

    List<String> files() {
        return files;
    }

    Optional<LineAddresses> addressesOf(String file, int line) {
        List<String> matches = match(file);
        int best = Integer.MAX_VALUE;
        String bestFile = null;
        for (String m : matches) {
            Entries e = byPath.get(m);
            int i = lowerBound(e.lines(), line);
            if (i < e.lines().length && e.lines()[i] < best) {
                best = e.lines()[i];
                bestFile = m;
            }
        }
        if (bestFile == null) {
            return Optional.empty();
        }
        long[] found = new long[8];
        int n = 0;
        for (String m : matches) {
            Entries e = byPath.get(m);
            for (int i = lowerBound(e.lines(), best); i < e.lines().length && e.lines()[i] == best; i++) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = e.addresses()[i] ^ Long.MIN_VALUE; // sorts unsigned
            }
        }
        Arrays.sort(found, 0, n);
        List<Long> addrs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                addrs.add(found[i] ^ Long.MIN_VALUE);
            }
        }
        return Optional.of(new LineAddresses(bestFile, best, addrs));
    }

    /**
     * Paths with code equal to {@code file}, else ending in "/" + file (or the reverse), else with the same base
     * name. All three imply the same base name, so only the paths of that base name are looked at.
     */
    private List<String> match(String file) {
        String q = normalize(file);
        List<String[]> candidates = byBase.getOrDefault(baseName(q), List.of());
        List<String> exact = new ArrayList<>();
        List<String> suffix = new ArrayList<>();
        List<String> base = new ArrayList<>();
        for (String[] c : candidates) {
            String n = c[1];
            if (n.equals(q)) {
                exact.add(c[0]);
            } else if (endsWithPath(n, q) || endsWithPath(q, n)) {
                suffix.add(c[0]);
            } else {
                base.add(c[0]);
            }
        }
        return !exact.isEmpty() ? exact : !suffix.isEmpty() ? suffix : base;
    }

    /** Whether {@code p} ends with "/" + {@code suffix}. */
    private static boolean endsWithPath(String p, String suffix) {
        int at = p.length() - suffix.length() - 1;
        return at >= 0 && p.charAt(at) == '/' && p.endsWith(suffix);
    }

    private static String normalize(String p) {
        String s = p.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s.replace("/./", "/");
    }

    static String baseName(String p) {
        int i = p.lastIndexOf('/');
        return i < 0 ? p : p.substring(i + 1);
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
