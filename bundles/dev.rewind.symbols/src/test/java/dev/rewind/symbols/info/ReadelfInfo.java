package dev.rewind.symbols.info;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The DIEs of {@code readelf --debug-dump=info} output: offset, depth, tag, raw attribute texts, parent. */
final class ReadelfInfo {
    private static final Pattern DIE = Pattern.compile("^\\s*<(\\d+)><([0-9a-f]+)>: Abbrev Number: (\\d+)(?: \\((\\w+)\\))?");
    private static final Pattern ATTR = Pattern.compile("^\\s*<[0-9a-f]+>\\s+(DW_AT_\\w+)\\s*:\\s?(.*)$");
    private static final Pattern VERSION = Pattern.compile("^\\s+Version:\\s+(\\d+)");
    private static final Pattern REF = Pattern.compile("<0x([0-9a-f]+)>");

    /** One DIE. */
    static final class Entry {
        final long offset;
        final int depth;
        final String tag;
        int version;
        final Map<String, String> attrs = new LinkedHashMap<>();
        Entry parent;

        Entry(long offset, int depth, String tag) {
            this.offset = offset;
            this.depth = depth;
            this.tag = tag;
        }

        boolean has(String at) {
            return attrs.containsKey(at);
        }

        String raw(String at) {
            return attrs.get(at);
        }

        long hex(String at) {
            String v = attrs.get(at).trim().split("\\s+")[0];
            return Long.parseUnsignedLong(v.startsWith("0x") ? v.substring(2) : v, v.startsWith("0x") ? 16 : 10);
        }
    }

    final List<Entry> entries = new ArrayList<>();
    final Map<Long, Entry> byOffset = new LinkedHashMap<>();

    ReadelfInfo(String text) {
        List<Entry> stack = new ArrayList<>();
        Entry cur = null;
        int version = 0;
        for (String line : text.split("\n")) {
            Matcher v = VERSION.matcher(line);
            if (v.find()) {
                version = Integer.parseInt(v.group(1));
                continue;
            }
            Matcher m = DIE.matcher(line);
            if (m.find()) {
                int depth = Integer.parseInt(m.group(1));
                if (m.group(3).equals("0")) {
                    cur = null;
                    continue;
                }
                cur = new Entry(Long.parseLong(m.group(2), 16), depth, m.group(4));
                cur.version = version;
                while (stack.size() > depth) {
                    stack.remove(stack.size() - 1);
                }
                cur.parent = depth > 0 && stack.size() >= depth ? stack.get(depth - 1) : null;
                stack.add(cur);
                entries.add(cur);
                byOffset.put(cur.offset, cur);
                continue;
            }
            Matcher a = ATTR.matcher(line);
            if (a.find() && cur != null) {
                cur.attrs.put(a.group(1), a.group(2).trim());
            }
        }
    }

    /** A string attribute's text (indirect strings resolved by readelf). */
    static String string(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.startsWith("(indirect")) {
            return raw.substring(raw.indexOf("): ") + 3);
        }
        return raw;
    }

    Entry ref(Entry e, String at) {
        Matcher m = REF.matcher(e.raw(at));
        return m.find() ? byOffset.get(Long.parseLong(m.group(1), 16)) : null;
    }

    /** DW_AT_name of {@code e} or of its abstract origin / specification chain. */
    String name(Entry e) {
        for (int i = 0; i < 8 && e != null; i++) {
            if (e.has("DW_AT_name")) {
                return string(e.raw("DW_AT_name"));
            }
            e = e.has("DW_AT_abstract_origin") ? ref(e, "DW_AT_abstract_origin")
                    : e.has("DW_AT_specification") ? ref(e, "DW_AT_specification") : null;
        }
        return null;
    }

    /** Whether {@code e}'s enclosing subprogram (if any) has code: variables of abstract instances are skipped. */
    static boolean inConcreteCode(Entry e) {
        for (Entry p = e.parent; p != null; p = p.parent) {
            if ("DW_TAG_subprogram".equals(p.tag)) {
                return p.has("DW_AT_low_pc") || p.has("DW_AT_ranges");
            }
        }
        return true;
    }
}
