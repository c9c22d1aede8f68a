package dev.rewind.gdb;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.HistoryInfo;
import dev.rewind.debug.Stop;
import dev.rewind.debug.TimeInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code monitor} commands ({@code qRcmd}): time, go to a time, bookmarks, recordings, history. Each returns the
 * text gdb prints; failures throw {@link DebugException} with the reason.
 */
final class Monitor {
    static final String HELP = """
            Rewind monitor commands:
              monitor time                     virtual time now, and the range history covers
              monitor goto T                   go to virtual time T (back or forward)
              monitor bookmark add NAME        name the current time
              monitor bookmark list            the bookmarks and their times
              monitor bookmark goto NAME       go to a bookmark
              monitor bookmark delete NAME     forget a bookmark
              monitor record FILE              save the session as a recording (./rewind replay FILE)
              monitor history                  what history holds: range, snapshots, their memory
              monitor reset                    reset the machine: entry at time 0, a new history
              monitor exit-as-stop on|off      report a guest exit as a stop (so you can go back from it) or as an exit
              monitor detach-resumes on|off    whether 'detach' lets the machine run on (default off: it stays stopped)
              monitor help                     this text
            After 'goto', 'bookmark goto' and 'reset' gdb still shows the registers and memory it had cached:
            run 'flushregs', or define once (e.g. in ~/.gdbinit) a hook that refreshes after every monitor command:
              define hookpost-monitor
                maintenance flush register-cache
                maintenance flush dcache
              end
            """;

    private final DebugSession session;
    private final Options options;

    /** Per-connection switches set with monitor commands. */
    static final class Options {
        boolean exitAsStop;
        boolean detachResumes;
    }

    Monitor(DebugSession session, Options options) {
        this.session = session;
        this.options = options;
    }

    String execute(String line) {
        List<String> words = List.of(line.trim().split("\\s+"));
        String verb = words.get(0);
        return switch (verb) {
            case "", "help" -> HELP;
            case "time" -> time(Target.await(session.time()));
            case "goto" -> landed(Target.await(session.goToTime(number(arg(words, 1, "goto T")))));
            case "bookmark", "bookmarks" -> bookmark(words);
            case "record" -> "recording saved to " + arg(words, 1, "record FILE") + " (up to time "
                    + Target.await(session.saveRecording(Path.of(arg(words, 1, "record FILE")))) + ")\n";
            case "history" -> history();
            case "reset" -> landed(Target.await(session.reset()));
            case "exit-as-stop" -> {
                options.exitAsStop = onOff(words);
                yield "exit-as-stop " + (options.exitAsStop ? "on" : "off") + "\n";
            }
            case "detach-resumes" -> {
                options.detachResumes = onOff(words);
                yield "detach-resumes " + (options.detachResumes ? "on" : "off") + "\n";
            }
            default -> throw new DebugException("unknown monitor command '" + verb + "' (monitor help lists them)");
        };
    }

    private String bookmark(List<String> words) {
        String sub = words.size() > 1 ? words.get(1) : "list";
        return switch (sub) {
            case "add" -> {
                Bookmark b = Target.await(session.addBookmark(arg(words, 2, "bookmark add NAME")));
                yield "bookmark " + b.name() + " at time " + b.time() + "\n";
            }
            case "list" -> {
                StringBuilder sb = new StringBuilder();
                for (Bookmark b : Target.await(session.bookmarks())) {
                    sb.append(b.name()).append(" at time ").append(b.time()).append('\n');
                }
                yield sb.isEmpty() ? "no bookmarks\n" : sb.toString();
            }
            case "goto" -> landed(Target.await(session.goToBookmark(arg(words, 2, "bookmark goto NAME"))));
            case "delete" -> {
                String name = arg(words, 2, "bookmark delete NAME");
                Target.await(session.deleteBookmark(name));
                yield "bookmark " + name + " deleted\n";
            }
            default -> throw new DebugException("monitor bookmark add|list|goto|delete NAME, not '" + sub + "'");
        };
    }

    private String history() {
        TimeInfo t = Target.await(session.time());
        if (!t.history()) {
            return "history is off for this session (no time travel)\n";
        }
        HistoryInfo h = Target.await(session.history());
        return "history from time " + t.earliest() + " to " + t.frontier() + " (now " + t.now() + ")\n"
                + "snapshots: " + h.snapshots() + " (" + h.pinned() + " kept for bookmarks), one every "
                + h.meanSpacing() + " instructions on average (denser towards the end; a reverse step replays from"
                + " the nearest one before it)\n"
                + String.format(java.util.Locale.ROOT, "memory: %.1f MiB of a %.1f MiB budget\n", h.bytes() / MIB,
                        h.budget() / MIB)
                + "bookmarks: " + Target.await(session.bookmarks()).size() + "\n";
    }

    private static final double MIB = 1024.0 * 1024.0;

    private static String time(TimeInfo t) {
        return "time " + t.now() + (t.history() ? " (history " + t.earliest() + ".." + t.frontier() + ")" : "") + "\n";
    }

    private static String landed(Stop stop) {
        return "now at time " + stop.time() + ": hart " + stop.hart() + " pc 0x" + Long.toHexString(stop.pc())
                + " (gdb's cached registers: flushregs, or the hookpost-monitor of 'monitor help')\n";
    }

    private static String arg(List<String> words, int index, String usage) {
        if (words.size() <= index) {
            throw new DebugException("usage: monitor " + usage);
        }
        return words.get(index);
    }

    private static long number(String s) {
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DebugException("not a time: '" + s + "'", e);
        }
    }

    private static boolean onOff(List<String> words) {
        String v = arg(words, 1, words.get(0) + " on|off");
        if (!v.equals("on") && !v.equals("off")) {
            throw new DebugException("on or off, not '" + v + "'");
        }
        return v.equals("on");
    }
}
