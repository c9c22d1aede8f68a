package dev.rewind.launcher;

import java.io.PrintStream;

/** The launcher's usage text. */
final class Usage {

    private Usage() {
    }

    static void print(PrintStream out) {
        out.println("usage: rewind [--plugins DIR] COMMAND [ARGS]");
        out.println();
        out.println("Runtime:");
        out.println("  shell              interactive Gogo shell with the Rewind commands (scope rewind:)");
        out.println("  script FILE        run a Gogo script; exit code 1 when a command fails");
        out.println("  exec 'COMMANDS'    run Gogo commands; exit code 1 when a command fails");
        out.println("  bundles            list every bundle and its state");
        out.println("  --help             this text");
        out.println();
        out.println("Any other COMMAND runs the Gogo command rewind:COMMAND contributed by a bundle, for example:");
        out.println("  run PROG.elf [--harts N] [--ram SIZE] [--quantum Q] [--max-insns N] [--stats]");
        out.println("  demo               the bundled multi-hart demo");
        out.println("  version            Rewind and Java versions");
        out.println();
        out.println("Options:");
        out.println("  --plugins DIR      install and start the plugin bundles (*.jar) in DIR");
        out.println("                     (default $REWIND_PLUGINS or ~/.config/rewind/plugins)");
        out.println();
        out.println("Exit codes: 0 success (or the guest's exit code for run/demo), 1 failure, 2 usage error.");
    }
}
