package dev.rewind.launcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The Gogo commands the installed bundles contribute, read from their services' properties:
 * {@code osgi.command.scope}, {@code osgi.command.function} (one name or several), and Rewind's
 * {@code rewind.synopsis} (one line) and {@code rewind.help} (the argument that prints the command's options,
 * e.g. {@code --help}). New bundles' subcommands appear without touching the launcher.
 */
final class CommandCatalog {
    static final String SYNOPSIS = "rewind.synopsis";
    static final String HELP = "rewind.help";

    /** One command: scope, function name, synopsis ("" when none), help argument (null when none). */
    static final class Entry {
        private final String scope;
        private final String function;
        private final String synopsis;
        private final String helpArg;

        Entry(String scope, String function, String synopsis, String helpArg) {
            this.scope = scope;
            this.function = function;
            this.synopsis = synopsis;
            this.helpArg = helpArg;
        }

        String scope() {
            return scope;
        }

        String function() {
            return function;
        }

        String synopsis() {
            return synopsis;
        }

        String helpArg() {
            return helpArg;
        }

        String qualified() {
            return scope + ":" + function;
        }
    }

    private CommandCatalog() {
    }

    /** Every command of {@code scope} (all scopes when null), sorted by scope and name. */
    static List<Entry> of(BundleContext context, String scope) {
        List<Entry> out = new ArrayList<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences((String) null,   // (all: as GogoSession's)
                    "(osgi.command.scope=" + (scope == null ? "*" : scope) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad command scope " + scope, e);
        }
        if (refs == null) {
            return out;
        }
        for (ServiceReference<?> r : refs) {
            String s = String.valueOf(r.getProperty("osgi.command.scope"));
            Object f = r.getProperty("osgi.command.function");
            List<String> names = new ArrayList<>();
            if (f instanceof String[]) {
                names.addAll(List.of((String[]) f));
            } else if (f != null) {
                names.add(f.toString());
            }
            Object syn = r.getProperty(SYNOPSIS);
            Object help = r.getProperty(HELP);
            for (String n : names) {
                out.add(new Entry(s, n, names.size() == 1 && syn != null ? syn.toString() : "",
                        names.size() == 1 && help != null ? help.toString() : null));
            }
        }
        out.sort(Comparator.comparing(Entry::scope).thenComparing(Entry::function));
        List<Entry> unique = new ArrayList<>();
        for (Entry e : out) {
            if (unique.stream().noneMatch(u -> u.qualified().equals(e.qualified()))) {
                unique.add(e);
            }
        }
        return unique;
    }

    /** Names within edit distance 2 of {@code word}, or starting with it, nearest first (at most 3). */
    static List<String> nearest(String word, List<String> names) {
        String w = word.toLowerCase();
        return names.stream().distinct()
                .filter(n -> distance(w, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(w) && w.length() >= 2
                        || tail(n).equalsIgnoreCase(tail(w)) && !tail(w).isEmpty())
                .sorted(Comparator.comparingInt((String n) -> distance(w, n.toLowerCase())).thenComparing(n -> n))
                .limit(3).collect(java.util.stream.Collectors.toList());
    }

    private static String tail(String n) {
        return n.substring(n.indexOf(':') + 1);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
