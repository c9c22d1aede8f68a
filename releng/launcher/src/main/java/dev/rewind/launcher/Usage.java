package dev.rewind.launcher;

import java.io.PrintStream;
import java.util.List;

/** The launcher's usage text: the runtime's own subcommands and every {@code rewind:} command the bundles add. */
final class Usage {

    /** The launcher's own subcommands and their one-line synopses. */
    static final List<String[]> BUILT_IN = List.of(
            new String[] {"shell", "interactive shell (prompt rewind>) with every command"},
            new String[] {"script FILE", "run a Gogo script; exit code 1 when a command fails"},
            new String[] {"exec 'COMMANDS'", "run Gogo commands; exit code 1 when a command fails"},
            new String[] {"bundles", "list every bundle and its state"},
            new String[] {"help [COMMAND]", "this text, or one command's options"},
            new String[] {"studio [--build]", "Rewind Studio, the Eclipse RCP product: built on first use, then"
                    + " started (--build: build only and print where its Linux zip is)"});

    private Usage() {
    }

    /** Usage without the bundles' commands (the runtime could not start). */
    static void print(PrintStream out) {
        print(out, List.of());
    }

    static void print(PrintStream out, List<CommandCatalog.Entry> commands) {
        out.println("usage: rewind [--plugins DIR] COMMAND [ARGS]");
        out.println();
        out.println("Commands:");
        for (String[] b : BUILT_IN) {
            line(out, b[0], b[1]);
        }
        for (CommandCatalog.Entry e : commands) {
            if (e.scope().equals("rewind")) {
                line(out, e.function(), e.synopsis());
            }
        }
        out.println();
        out.println("'rewind help COMMAND' shows a command's options. Bundles add commands: every Gogo command");
        out.println("rewind:X is the subcommand X.");
        out.println();
        out.println("Options:");
        out.println("  --plugins DIR      install and start the plugin bundles (*.jar) in DIR");
        out.println("                     (default $REWIND_PLUGINS or ~/.config/rewind/plugins)");
        out.println();
        out.println("Exit codes: 0 success (or the guest's exit code for run/demo), 1 failure, 2 usage error.");
    }

    /**
     * The shell's {@code help}: Rewind's commands (scopes rewind and mcd) one per line with their synopses, the
     * framework's and Gogo's own commands one line per scope.
     */
    static void commands(PrintStream out, List<CommandCatalog.Entry> commands, boolean qualified) {
        for (String scope : List.of("rewind", "mcd")) {
            out.println(scope + ":");
            for (CommandCatalog.Entry e : commands) {
                if (e.scope().equals(scope)) {
                    line(out, qualified ? e.qualified() : e.function(), e.synopsis());
                }
            }
        }
        java.util.Map<String, StringBuilder> others = new java.util.TreeMap<>();
        for (CommandCatalog.Entry e : commands) {
            if (!e.scope().equals("rewind") && !e.scope().equals("mcd")) {
                others.computeIfAbsent(e.scope(), k -> new StringBuilder()).append(' ').append(e.function());
            }
        }
        others.forEach((scope, names) -> out.println(scope + ":" + names));
        out.println("'help NAME' explains one command; 'exit' leaves.");
    }

    private static void line(PrintStream out, String name, String synopsis) {
        out.println(synopsis.isEmpty() ? "  " + name : String.format("  %-18s %s", name, synopsis));
    }
}
