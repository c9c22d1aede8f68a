package dev.rewind.symbols;

import dev.rewind.symbols.elf.ElfFile;
import dev.rewind.symbols.elf.ElfSection;
import dev.rewind.symbols.elf.ElfSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Address to symbol and name to symbol over the functions, objects and named code labels of .symtab. Symbols are
 * sorted by address; a size-0 symbol covers up to the next symbol or the end of its section. Immutable.
 */
final class SymbolTable {

    private final ElfSymbol[] syms;
    private final long[] start;
    private final long[] end;
    private final long[] maxEnd;
    private final Map<String, ElfSymbol> byName = new HashMap<>();

    SymbolTable(ElfFile elf) {
        List<ElfSymbol> list = new ArrayList<>();
        for (ElfSymbol s : elf.symbols()) {
            if (useful(s, elf)) {
                list.add(s);
                byName.merge(s.name(), s, (a, b) -> rank(b) > rank(a) ? b : a);
            }
        }
        list.sort((a, b) -> a.value() != b.value() ? Long.compareUnsigned(a.value(), b.value())
                : Integer.compare(rank(b), rank(a)));
        // one symbol per address: the best ranked (FUNC over OBJECT over labels, GLOBAL over WEAK over LOCAL)
        // and no size-0 label inside a sized symbol
        List<ElfSymbol> dedup = new ArrayList<>();
        long coverEnd = 0;
        boolean covering = false;
        for (ElfSymbol s : list) {
            boolean dup = !dedup.isEmpty() && dedup.get(dedup.size() - 1).value() == s.value();
            boolean inside = s.size() == 0 && covering && Long.compareUnsigned(s.value(), coverEnd) < 0;
            if (!dup && !inside) {
                dedup.add(s);
                if (s.size() != 0) {
                    coverEnd = s.value() + s.size();
                    covering = true;
                }
            }
        }
        int n = dedup.size();
        syms = dedup.toArray(new ElfSymbol[0]);
        start = new long[n];
        end = new long[n];
        maxEnd = new long[n];
        for (int i = 0; i < n; i++) {
            ElfSymbol s = syms[i];
            start[i] = s.value();
            if (s.size() != 0) {
                end[i] = s.value() + s.size();
            } else {
                long limit = sectionEnd(elf, s);
                long next = i + 1 < n ? syms[i + 1].value() : limit;
                end[i] = Long.compareUnsigned(next, limit) < 0 ? next : limit;
            }
            maxEnd[i] = i == 0 || Long.compareUnsigned(end[i], maxEnd[i - 1]) > 0 ? end[i] : maxEnd[i - 1];
        }
    }

    Optional<ElfSymbol> at(long address) {
        int i = indexAt(address);
        return i < 0 ? Optional.empty() : Optional.of(syms[i]);
    }

    /** The start of the symbol containing {@code address}, or {@code address} itself if there is none. */
    long startAt(long address) {
        int i = indexAt(address);
        return i < 0 ? address : start[i];
    }

    private int indexAt(long address) {
        int lo = 0;
        int hi = start.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(start[mid], address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0 && Long.compareUnsigned(address, maxEnd[i]) < 0; i--) {
            if (Long.compareUnsigned(address, end[i]) < 0) {
                return i;
            }
        }
        return -1;
    }

    Optional<ElfSymbol> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    List<ElfSymbol> all() {
        return List.of(syms);
    }

    private static boolean useful(ElfSymbol s, ElfFile elf) {
        if (!s.defined() || s.name().isEmpty() || s.section() >= elf.sections().size()) {
            return false;
        }
        return switch (s.type()) {
            case FUNC, OBJECT -> true;
            case NOTYPE -> !s.name().startsWith(".L") && !s.name().startsWith("$")
                    && elf.sections().get(s.section()).allocated();
            default -> false;
        };
    }

    private static int rank(ElfSymbol s) {
        int t = switch (s.type()) {
            case FUNC -> 3;
            case OBJECT -> 2;
            default -> 1;
        };
        int b = switch (s.binding()) {
            case GLOBAL -> 2;
            case WEAK -> 1;
            default -> 0;
        };
        return t * 4 + b;
    }

    private static long sectionEnd(ElfFile elf, ElfSymbol s) {
        ElfSection sec = elf.sections().get(s.section());
        return sec.addr() + sec.size();
    }
}
