package dev.rewind.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.osgi.framework.BundleContext;

/**
 * The interactive shell of {@code rewind shell}: greets as Rewind, prompts {@code rewind> }, runs each line as Gogo
 * commands in one session (variables persist), prints results, and answers an unknown command in one line with the
 * nearest command names. {@code help} lists the commands, {@code help NAME} explains one; {@code exit}, {@code quit}
 * or end of input leave.
 */
final class ShellRepl {
    static final String PROMPT = "rewind> ";

    private final GogoSession gogo;
    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    ShellRepl(GogoSession gogo, BundleContext context, PrintStream out, PrintStream err) {
        this.gogo = gogo;
        this.context = context;
        this.out = out;
        this.err = err;
    }

    int run(InputStream in, String version) {
        out.println("Rewind " + version + " - multi-core RISC-V emulator and time-travel debugger");
        out.println("Type 'help' for the commands, 'help NAME' for one of them, 'exit' or Ctrl-D to leave.");
        Object session;
        try {
            session = gogo.open(in, out, err);
        } catch (ReflectiveOperationException e) {
            err.println("rewind: cannot open a Gogo session: " + e);
            return Main.EXIT_FAILURE;
        }
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            while (true) {
                out.print(PROMPT);
                out.flush();
                String line = reader.readLine();
                if (line == null) {
                    out.println();
                    return Main.EXIT_OK;
                }
                String text = line.trim();
                if (text.equals("exit") || text.equals("quit")) {
                    return Main.EXIT_OK;
                }
                if (!text.isEmpty() && !text.startsWith("#")) {
                    line(session, text);
                }
            }
        } catch (IOException | ReflectiveOperationException e) {
            err.println("rewind: the shell stopped: " + e.getMessage());
            return Main.EXIT_FAILURE;
        } finally {
            try {
                gogo.close(session);
            } catch (ReflectiveOperationException e) {
                err.println("rewind: closing the Gogo session: " + e.getMessage());
            }
        }
    }

    private void line(Object session, String text) throws ReflectiveOperationException {
        String[] words = text.split("\\s+");
        if (words[0].equals("help") && words.length <= 2) {
            if (words.length == 1) {
                Usage.commands(out, CommandCatalog.of(context, null), true);
            } else {
                Help.explain(words[1], gogo, context, out, err);
            }
            return;
        }
        try {
            Object result = gogo.executeIn(session, text);
            if (result != null) {
                out.println(gogo.format(session, result));
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause != null && cause.getClass().getSimpleName().equals("CommandNotFoundException")) {
                err.println(unknown(commandOf(cause, words[0])));
            } else {
                err.println("error: " + GogoSession.describe(cause == null ? e : cause));
            }
        }
    }

    /** "unknown command 'x'" plus the nearest command names, in one line. */
    String unknown(String word) {
        List<String> names = new java.util.ArrayList<>();
        for (CommandCatalog.Entry e : CommandCatalog.of(context, null)) {
            names.add(e.function());
            names.add(e.qualified());
        }
        List<String> near = CommandCatalog.nearest(word, names);
        return "unknown command '" + word + "'" + (near.isEmpty() ? "; 'help' lists the commands"
                : "; did you mean " + String.join(", ", near) + "?");
    }

    private static String commandOf(Throwable notFound, String fallback) {
        try {
            Object c = notFound.getClass().getMethod("getCommand").invoke(notFound);
            return c == null ? fallback : c.toString();
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }
}
