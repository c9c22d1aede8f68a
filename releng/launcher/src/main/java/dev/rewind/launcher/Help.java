package dev.rewind.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;

/** {@code rewind help COMMAND} and the shell's {@code help NAME}. */
final class Help {
    private Help() {
    }

    /** Explains {@code name} (a subcommand, a built-in, or {@code scope:function}); exit code 0, or 2 if unknown. */
    static int explain(String name, GogoSession gogo, BundleContext context, PrintStream out, PrintStream err) {
        for (String[] b : Usage.BUILT_IN) {
            if (b[0].split(" ")[0].equals(name)) {
                out.println("rewind " + b[0] + ": " + b[1]);
                return Main.EXIT_OK;
            }
        }
        List<CommandCatalog.Entry> all = CommandCatalog.of(context, null);
        Optional<CommandCatalog.Entry> hit = all.stream()
                .filter(e -> e.qualified().equals(name) || e.scope().equals("rewind") && e.function().equals(name))
                .findFirst()
                .or(() -> all.stream().filter(e -> e.function().equals(name)).findFirst());
        if (hit.isEmpty()) {
            List<String> names = new ArrayList<>();
            all.forEach(e -> {
                names.add(e.function());
                names.add(e.qualified());
            });
            List<String> near = CommandCatalog.nearest(name, names);
            err.println("rewind: unknown command '" + name + "'" + (near.isEmpty() ? ""
                    : "; did you mean " + String.join(", ", near) + "?"));
            return Main.EXIT_USAGE;
        }
        CommandCatalog.Entry e = hit.get();
        String title = e.scope().equals("rewind") ? "rewind " + e.function() : e.qualified();
        out.println(e.synopsis().isEmpty() ? title : title + ": " + e.synopsis());
        if (e.helpArg() != null) {
            out.println();
            return gogo.invokeForExitCode(e.qualified(), List.of(e.helpArg()), out, err);
        }
        return Main.EXIT_OK;
    }
}
