package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.timetravel.TimeTravel;
import dev.rewind.mcd.timetravel.TimeTravelCommands;
import java.util.StringJoiner;

/** mcd_execute_command_f: the strings of {@link TimeTravelCommands}. */
final class CommandInterpreter {
    private final CoreOps core;

    CommandInterpreter(CoreOps core) {
        this.core = core;
    }

    String execute(String command) throws McdException {
        String[] w = command == null ? new String[0] : command.trim().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            throw McdException.param("empty command; try 'help'");
        }
        TimeTravel tt = ((RewindCore) core).adapt(TimeTravel.class).orElseThrow();
        return switch (w[0]) {
            case TimeTravelCommands.HELP -> "commands: time, reverse-step [n], reverse-continue, reverse-to-write <addr> [len], "
                    + "goto-time <t>, "
                    + "bookmark-add <name>, bookmark-goto <name>, bookmark-delete <name>, bookmark-list, "
                    + "record <file>, recording-verify, hold [<hart>... | none]";
            case TimeTravelCommands.TIME -> {
                args(w, 1, 1);
                yield "time=" + core.target.paused(() -> core.target.engine.time());
            }
            case TimeTravelCommands.REVERSE_STEP -> {
                args(w, 1, 2);
                yield TimeTravelCommands.format(tt.reverseStep(w.length > 1 ? (int) number(w[1]) : 1));
            }
            case TimeTravelCommands.REVERSE_CONTINUE -> {
                args(w, 1, 1);
                yield TimeTravelCommands.format(tt.reverseContinue());
            }
            case TimeTravelCommands.REVERSE_TO_WRITE -> {
                args(w, 2, 3);
                yield TimeTravelCommands.format(tt.reverseToLastWrite(number(w[1]), w.length > 2 ? number(w[2]) : 4));
            }
            case TimeTravelCommands.GOTO_TIME -> {
                args(w, 2, 2);
                yield TimeTravelCommands.format(tt.goToTime(number(w[1])));
            }
            case TimeTravelCommands.BOOKMARK_ADD -> {
                args(w, 2, 2);
                TimeTravel.Bookmark b = tt.addBookmark(w[1]);
                yield "bookmark=" + b.name() + " time=" + b.time();
            }
            case TimeTravelCommands.BOOKMARK_GOTO -> {
                args(w, 2, 2);
                yield TimeTravelCommands.format(tt.goToBookmark(w[1]));
            }
            case TimeTravelCommands.BOOKMARK_DELETE -> {
                args(w, 2, 2);
                tt.deleteBookmark(w[1]);
                yield "deleted=" + w[1];
            }
            case TimeTravelCommands.BOOKMARK_LIST -> {
                args(w, 1, 1);
                StringJoiner j = new StringJoiner(" ");
                for (TimeTravel.Bookmark b : tt.bookmarks()) {
                    j.add(b.name() + "=" + b.time());
                }
                yield j.toString();
            }
            case TimeTravelCommands.RECORD -> {
                if (w.length < 2) {
                    throw McdException.param("record takes 1 argument(s)");
                }
                String file = command.trim().substring(w[0].length()).trim();
                java.nio.file.Path path;
                try {
                    path = java.nio.file.Path.of(file);
                } catch (java.nio.file.InvalidPathException e) {
                    throw McdException.param("not a file name: " + file);
                }
                yield "recorded=" + file + " end=" + tt.saveRecording(path);
            }
            case TimeTravelCommands.RECORDING_VERIFY -> {
                args(w, 1, 1);
                yield TimeTravelCommands.format(tt.verifyRecording());
            }
            case TimeTravelCommands.HOLD -> {
                if (w.length > 1) {
                    long mask = 0;
                    if (!(w.length == 2 && w[1].equals("none"))) {
                        for (int i = 1; i < w.length; i++) {
                            long h = number(w[i]);
                            if (h < 0 || h > 63) {
                                throw McdException.param("no hart " + w[i]);
                            }
                            mask |= 1L << h;
                        }
                    }
                    tt.hold(mask);
                }
                yield "hold=" + TimeTravelCommands.harts(tt.holdMask()) + " held=" + TimeTravelCommands.harts(tt.held());
            }
            default -> throw new McdException(McdErrorCode.PARAM, "unknown command '" + w[0] + "'; try 'help'");
        };
    }

    private static void args(String[] w, int min, int max) throws McdException {
        if (w.length < min || w.length > max) {
            throw McdException.param(w[0] + " takes " + (min - 1) + (max > min ? ".." + (max - 1) : "")
                    + " argument(s)");
        }
    }

    private static long number(String s) throws McdException {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
                    : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw McdException.param("not a number: " + s);
        }
    }
}
