package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variable's and parameter's location against {@code readelf --debug-dump=info,loc} on every guest ELF:
 * location expressions byte for byte, location lists entry for entry (range and operations).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocationsOracleTest {
    private static final Pattern BLOCK = Pattern.compile("^\\d+ byte block: ((?:[0-9a-f]{1,2} )*)");
    private static final Pattern LIST = Pattern.compile("^(0x[0-9a-f]+|0) \\(location list\\)");
    private static final Pattern LOC_ENTRY = Pattern.compile(
            "^\\s+([0-9a-f]{8}) ([0-9a-f]{8,16}) ([0-9a-f]{8,16}) \\((.*)\\)");
    private static final Pattern LOC_END = Pattern.compile("^\\s+([0-9a-f]{8}) <End of list>");
    private static final Pattern LOC_ANY = Pattern.compile("^\\s+([0-9a-f]{8}) ");
    private static final Pattern OP = Pattern.compile("DW_OP_\\w+");

    static List<Path> elfs() throws Exception {
        return OracleTools.allElfs();
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void locationsMatchReadelf(Path elf) throws Exception {
        DebugInfo di = OracleTools.load(elf);
        int addressSize = di.units().isEmpty() ? 4 : elf.toString().contains("rv64") ? 8 : 4;
        ReadelfInfo re = new ReadelfInfo(OracleTools.readelf(elf, "info"));
        String locDump = OracleTools.readelf(elf, "loc");
        Map<String, Map<Long, List<String>>> lists = lists(locDump);
        // readelf misreads .debug_loclists when DWARF 4 and 5 units are mixed (the dwarf4 fixture with libgcc)
        boolean v5ListsBroken = locDump.contains("Invalid location list entry type");

        List<String> expected = new ArrayList<>();
        java.util.Set<String> inherited = new java.util.HashSet<>(); // statics of inline functions' abstract DIEs
        for (ReadelfInfo.Entry e : re.entries) {
            boolean var = "DW_TAG_variable".equals(e.tag) || "DW_TAG_formal_parameter".equals(e.tag);
            if (var && e.has("DW_AT_location") && !ReadelfInfo.inConcreteCode(e)) {
                Matcher b = BLOCK.matcher(e.raw("DW_AT_location"));
                if (b.find()) {
                    inherited.add(re.name(e) + ": " + hex(b.group(1)));
                }
            }
            if (!var || !e.has("DW_AT_location") || !ReadelfInfo.inConcreteCode(e)) {
                continue;
            }
            if (e.parent != null && !"DW_TAG_compile_unit".equals(e.parent.tag) && !inScope(e)) {
                continue;
            }
            String raw = e.raw("DW_AT_location");
            Matcher b = BLOCK.matcher(raw);
            Matcher l = LIST.matcher(raw);
            if (b.find()) {
                expected.add(re.name(e) + ": " + hex(b.group(1)));
            } else if (l.find()) {
                if (e.version >= 5 && v5ListsBroken) {
                    continue;
                }
                long off = Long.decode(l.group(1));
                Map<Long, List<String>> section = lists.getOrDefault(e.version >= 5 ? ".debug_loclists" : ".debug_loc",
                        Map.of());
                assertThat(section).as("location list at 0x%x in readelf's dump", off).containsKey(off);
                expected.add(re.name(e) + ": " + section.get(off));
            }
        }
        List<String> actual = new ArrayList<>();
        for (Variable v : di.globals()) {
            describe(v, addressSize, actual);
        }
        for (Function f : di.functions()) {
            collect(f.body(), addressSize, actual);
        }
        if (v5ListsBroken) {
            List<String> skipped = new ArrayList<>();
            for (Function f : di.functions()) {
                if (f.unit().version() >= 5) {
                    collect(f.body(), addressSize, skipped);
                }
            }
            skipped.removeIf(x -> !x.contains(": ["));
            for (String x : skipped) {
                actual.remove(x);
            }
        }
        // concrete instances of inline functions inherit what their abstract origin declares (a static local)
        for (String x : inherited) {
            while (actual.stream().filter(x::equals).count() > expected.stream().filter(x::equals).count()) {
                actual.remove(x);
            }
        }
        assertThat(actual).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String hex(String readelfBytes) {
        StringBuilder hex = new StringBuilder();
        for (String x : readelfBytes.trim().split(" ")) {
            hex.append(x.length() == 1 ? "0" + x : x);
        }
        return hex.toString();
    }

    /** Whether the DIE sits where the model looks: under subprogram / lexical block / inlined subroutine only. */
    private static boolean inScope(ReadelfInfo.Entry e) {
        for (ReadelfInfo.Entry p = e.parent; p != null; p = p.parent) {
            switch (p.tag) {
                case "DW_TAG_lexical_block", "DW_TAG_inlined_subroutine" -> {
                }
                case "DW_TAG_subprogram" -> {
                    return p.parent != null && "DW_TAG_compile_unit".equals(p.parent.tag);
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static void collect(Scope s, int as, List<String> out) {
        for (Variable v : s.variables()) {
            describe(v, as, out);
        }
        for (Scope c : s.children()) {
            collect(c, as, out);
        }
    }

    private static void describe(Variable v, int as, List<String> out) {
        VariableLocation loc = v.location();
        switch (loc.kind()) {
            case EXPRESSION -> out.add(v.name() + ": " + HexFormat.of().formatHex(loc.expressionAt(0).orElseThrow()));
            case LIST -> {
                List<String> entries = new ArrayList<>();
                for (VariableLocation.Entry e : loc.entries()) {
                    entries.add(Long.toHexString(e.range().low()) + "-" + Long.toHexString(e.range().high()) + " "
                            + OpNames.of(e.expression(), as));
                }
                out.add(v.name() + ": " + entries);
            }
            case ERROR -> out.add(v.name() + ": " + loc);
            default -> {
            }
        }
    }

    /** readelf's location lists by section and offset: "lo-hi ops" per entry. */
    private static Map<String, Map<Long, List<String>>> lists(String dump) {
        Map<String, Map<Long, List<String>>> all = new HashMap<>();
        Map<Long, List<String>> out = new HashMap<>();
        List<String> cur = null;
        for (String line : dump.split("\n")) {
            if (line.startsWith("Contents of the ")) {
                out = all.computeIfAbsent(line.split(" ")[3], k -> new HashMap<>());
                cur = null;
                continue;
            }
            Matcher end = LOC_END.matcher(line);
            if (end.find()) {
                cur = null;
                continue;
            }
            Matcher any = LOC_ANY.matcher(line);
            if (!any.find()) {
                continue;
            }
            if (cur == null) {
                cur = new ArrayList<>();
                out.put(Long.parseLong(any.group(1), 16), cur);
            }
            Matcher m = LOC_ENTRY.matcher(line);
            if (m.find()) {
                List<String> ops = new ArrayList<>();
                Matcher op = OP.matcher(m.group(4));
                while (op.find()) {
                    ops.add(op.group());
                }
                cur.add(Long.toHexString(Long.parseUnsignedLong(m.group(2), 16)) + "-"
                        + Long.toHexString(Long.parseUnsignedLong(m.group(3), 16)) + " " + String.join(" ", ops));
            }
        }
        return all;
    }
}
