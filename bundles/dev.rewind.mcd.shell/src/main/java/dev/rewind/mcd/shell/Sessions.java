package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdException;
import java.io.PrintStream;
import org.apache.felix.service.command.CommandSession;

/**
 * Where the commands keep their target: one {@link McdTarget} per Gogo session, in the session variable
 * {@value #TARGET}. {@code load} replaces it; closing the session's machine happens on the next load.
 */
final class Sessions {
    static final String TARGET = ".mcd.target";

    private Sessions() {
    }

    static McdTarget target(CommandSession session) {
        Object t = session.get(TARGET);
        if (t instanceof McdTarget target) {
            return target;
        }
        throw new IllegalStateException("no program loaded: use 'mcd:load PROG.elf [HARTS]' first");
    }

    static void replace(CommandSession session, McdTarget target) {
        Object old = session.get(TARGET);
        if (old instanceof McdTarget previous) {
            previous.close();
        }
        session.put(TARGET, target);
        // unqualified names (run, stop, step, ...) now mean the mcd commands first
        session.put("SCOPE", "mcd:*");
    }

    static PrintStream out(CommandSession session) {
        return session.getConsole();
    }

    /** An MCD failure as a command error with the back end's explanation. */
    static IllegalStateException failed(String command, McdException e) {
        return new IllegalStateException(command + ": " + e.getMessage() + " (" + e.errorCode() + ")", e);
    }

    /** The arguments of a {@code _main} command: Gogo passes the command name first. */
    static String[] withoutName(String name, String[] words) {
        return words.length > 0 && words[0].equals(name) ? java.util.Arrays.copyOfRange(words, 1, words.length) : words;
    }

    /** A hart argument, or the current hart when absent. */
    static int hart(McdTarget target, String[] args, int index) {
        if (args.length <= index) {
            return target.currentHart();
        }
        int h = Values.count(args[index], "hart");
        target.core(h);
        return h;
    }
}
