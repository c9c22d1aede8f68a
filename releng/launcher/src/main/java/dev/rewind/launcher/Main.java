package dev.rewind.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code rewind}: starts an embedded Apache Felix with SCR, EventAdmin, Gogo and the Rewind bundles, then
 * runs one subcommand. Built-in subcommands manage the runtime; every other subcommand {@code X} is the
 * Gogo command {@code rewind:X} contributed by a bundle (run, demo, mcd, ...), so bundles add subcommands
 * without touching the launcher.
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("rewind: internal error: " + e);
            e.printStackTrace(System.err);
            code = EXIT_FAILURE;
        }
        System.out.flush();
        System.err.flush();
        // Thread pools of bundles (lsp4j, EventAdmin) must not keep the process alive.
        System.exit(code);
    }

    /** {@code rewind --help} (every command the bundles add) or {@code rewind help COMMAND}. */
    private static int help(LaunchOptions options, String command, int code, PrintStream out, PrintStream err) {
        try (FelixRuntime runtime = FelixRuntime.start(options, false, err)) {
            if (command == null) {
                Usage.print(code == EXIT_OK ? out : err, CommandCatalog.of(runtime.context(), "rewind"));
                return code;
            }
            return Help.explain(command, runtime.gogo(), runtime.context(), out, err);
        } catch (LaunchException e) {
            err.println("rewind: " + e.getMessage() + " (the commands of the bundles are not listed)");
            Usage.print(code == EXIT_OK ? out : err);
            return code;
        }
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        if (Runtime.version().feature() < 21) {
            err.println("rewind: Java " + Runtime.version().feature() + " found at " + System.getProperty("java.home")
                    + "; Rewind needs Java 21 or newer. Install a JDK 21+ (e.g. Debian's openjdk-21-jdk or Temurin 21/25)"
                    + " and point JAVA_HOME at it.");
            return EXIT_FAILURE;
        }
        Timeline.mark("launcher main");
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("rewind: " + e.getMessage());
            Usage.print(err);
            return EXIT_USAGE;
        }
        boolean helpWord = !args.isEmpty() && List.of("--help", "-h", "help").contains(args.get(0));
        if (args.isEmpty() || helpWord) {
            return help(options, args.size() > 1 ? args.get(1) : null, args.isEmpty() ? EXIT_USAGE : EXIT_OK, out,
                    err);
        }
        String command = args.remove(0);
        if (command.startsWith("-")) {
            err.println("rewind: unknown option " + command);
            Usage.print(err);
            return EXIT_USAGE;
        }
        String script = null;
        if (command.equals("script")) {
            if (args.size() != 1) {
                err.println("rewind: usage: rewind script FILE");
                return EXIT_USAGE;
            }
            try {
                script = Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println("rewind: script not found: " + args.get(0));
                return EXIT_USAGE;
            } catch (IOException e) {
                err.println("rewind: cannot read script " + args.get(0) + ": " + e.getMessage());
                return EXIT_USAGE;
            }
        }
        if (command.equals("exec") && args.isEmpty()) {
            err.println("rewind: usage: rewind exec 'COMMANDS'");
            return EXIT_USAGE;
        }
        // rewind run with no user plugin: the run command without the OSGi runtime (FlatRun)
        if (FlatRun.applies(command, options)) {
            List<Path> jars = FlatRun.jars(options.bundlesDir());
            if (jars != null) {
                Timeline.mark("run without the OSGi runtime");
                return FlatRun.run(FlatRun.loaderOf(jars), args, out, err);
            }
        }
        // the training run of run's AOT cache: the flat path's alone (a cache holding Felix's classes too makes the JVM
        // load them at every start: ~60 ms of the main thread); -Drewind.flat=false: the OSGi path's (below). A run
        // with user plugins starts from the general cache (jvmopts.sh), which holds every bundle's classes.
        if (RunTraining.COMMAND.equals(command) && !"false".equals(System.getProperty("rewind.flat"))) {
            int code = FlatRun.train(options.bundlesDir(), err);
            err.println("rewind: training run of `run` without OSGi: exit code " + code);
            return code < 0 ? EXIT_FAILURE : EXIT_OK;
        }
        // rewind dap on stdio: the client's initialize is answered while the runtime starts (EarlyDap)
        EarlyDap early = EarlyDap.applies(command, args) ? EarlyDap.startOnStdio(options.bundlesDir()) : null;
        // a subcommand starts only the bundles it needs (StartSet); the built-ins and -Drewind.lazy=false start all
        boolean startAll = List.of("bundles", "shell", "exec", "script").contains(command)
                || "false".equals(System.getProperty("rewind.lazy"));
        String startFor = RunTraining.COMMAND.equals(command) ? "run" : command;   // train-run: the bundles of run
        // run only starts from the bundles it resolved before (CommandBundles): its component declares what it needs
        // (rewind.start=references) and no option of it needs more; what other commands use depends on their arguments
        // (dap --train reads the demo of a bundle that dap does not resolve)
        try (FelixRuntime runtime = FelixRuntime.start(options, false, startAll ? null : startFor,
                "run".equals(command), err)) {
            Timeline.mark("runtime started");
            switch (command) {
                case "bundles":
                    runtime.printBundles(out);
                    return runtime.allActive() ? EXIT_OK : EXIT_FAILURE;
                case "shell":
                    return new ShellRepl(runtime.gogo(), runtime.context(), out, err).run(System.in, runtime.version());
                case "exec":
                    return runtime.gogo().execute(String.join(" ", args), out, err, true);
                case "script":
                    return runtime.gogo().execute(script, out, err, false);
                case RunTraining.COMMAND:
                    return RunTraining.run(runtime.context(), runtime.commands(), err) < 0 ? EXIT_FAILURE : EXIT_OK;
                default:
                    if (runtime.partial() && !runtime.commands().hasCommand("rewind", command)) {
                        runtime.startRest(err);   // the command's component needs more than its bundles declare
                    }
                    GogoSession commands = runtime.partial() ? runtime.commands() : runtime.gogo();
                    if (!commands.hasCommand("rewind", command)) {
                        List<CommandCatalog.Entry> all = CommandCatalog.of(runtime.context(), "rewind");
                        List<String> near = CommandCatalog.nearest(command,
                                all.stream().map(CommandCatalog.Entry::function)
                                        .collect(java.util.stream.Collectors.toList()));
                        err.println("rewind: unknown command '" + command + "'" + (near.isEmpty() ? ""
                                : "; did you mean " + String.join(", ", near) + "?"));
                        Usage.print(err, all);
                        return EXIT_USAGE;
                    }
                    if (early != null) {
                        args.addAll(early.handoff());
                    }
                    return commands.invokeForExitCode("rewind:" + command, args, out, err);
            }
        } catch (LaunchException e) {
            err.println("rewind: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rewind: interrupted while waiting for the DAP client's first message");
            return EXIT_FAILURE;
        }
    }
}
