package dev.rewind.mcd.shell;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.RecordingInfo;
import dev.rewind.mcd.api.McdException;
import dev.rewind.symbols.elf.ElfException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/**
 * {@code record FILE} (save the session as a recording) and {@code replay FILE [--program ELF] [--to TIME |
 * --to-bookmark NAME]} (open a recording as the session's target, verified at its end).
 */
@Component(service = RecordingCommands.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=record",
    "osgi.command.function=replay"
})
public final class RecordingCommands {
    @org.osgi.service.component.annotations.Reference
    private dev.rewind.debug.DebugSessions sessions;

    /** For Declarative Services, which sets {@link #sessions}. */
    public RecordingCommands() {
    }

    /** Outside OSGi (tests): the commands over {@code sessions}. */
    RecordingCommands(dev.rewind.debug.DebugSessions sessions) {
        this.sessions = sessions;
    }

    /** {@code record FILE}: the session so far (up to the newest time reached) as a recording; the session stays. */
    public void record(CommandSession session, String... args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: record FILE");
        }
        McdTarget t = Sessions.target(session);
        Path file = path(args[0]);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("record: cannot create the directory of " + file + ": " + e.getMessage());
        }
        try {
            long end = t.travel(t.currentHart()).saveRecording(file);
            int marks = t.travel(t.currentHart()).bookmarks().size();
            Sessions.out(session).println("recorded " + t.program() + " to " + file + " (time 0.." + end + ", "
                    + marks + (marks == 1 ? " bookmark)" : " bookmarks)"));
        } catch (McdException e) {
            throw Sessions.failed("record", e);
        }
    }

    /** {@code replay FILE [--program ELF] [--to TIME | --to-bookmark NAME]}. */
    public void replay(CommandSession session, String... args) {
        String usage = "usage: replay FILE [--program ELF] [--to TIME | --to-bookmark NAME]";
        String file = null;
        String program = null;
        String to = null;
        String toBookmark = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--program") || a.equals("--to") || a.equals("--to-bookmark")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("replay: " + a + " needs a value; " + usage);
                }
                String v = args[++i];
                switch (a) {
                    case "--program" -> program = v;
                    case "--to" -> to = v;
                    default -> toBookmark = v;
                }
            } else if (a.startsWith("--") || file != null) {
                throw new IllegalArgumentException("replay: unexpected '" + a + "'; " + usage);
            } else {
                file = a;
            }
        }
        if (file == null) {
            throw new IllegalArgumentException(usage);
        }
        if (to != null && toBookmark != null) {
            throw new IllegalArgumentException("replay: give --to or --to-bookmark, not both");
        }
        Long time = to == null ? null : Values.number(to, "time");
        RecordingInfo rec;
        try {
            rec = sessions.readRecording(path(file));
        } catch (DebugException e) {
            throw new IllegalArgumentException("replay: " + e.getMessage(), e);
        }
        if (toBookmark != null && rec.bookmark(toBookmark).isEmpty()) {
            throw new IllegalArgumentException("replay: the recording has no bookmark '" + toBookmark + "' (it has: "
                    + rec.bookmarks().stream().map(Bookmark::name).toList() + ")");
        }
        Path elf = program != null ? path(program) : rec.program();
        McdTarget t;
        try {
            t = TargetLoader.replay(sessions, path(file), elf);
        } catch (McdException e) {
            explainProgram(elf);
            throw Sessions.failed("replay", e);
        }
        Sessions.replace(session, t);
        PrintStream out = Sessions.out(session);
        out.println("replayed " + file + " (" + elf + ", " + rec.harts() + " hart"
                + (rec.harts() == 1 ? "" : "s") + ") to its end at time " + rec.endTime()
                + ": state hash " + String.format("%016x", rec.endStateHash()) + " matches");
        try {
            if (time != null) {
                out.println(t.describe(t.travel(t.currentHart(), tt -> tt.goToTime(time))));
            } else if (toBookmark != null) {
                String name = toBookmark;
                out.println(t.describe(t.travel(t.currentHart(), tt -> tt.goToBookmark(name))));
            }
        } catch (McdException e) {
            throw Sessions.failed("replay", e);
        }
    }

    /** After a failed replay: the reason to give when the program is missing or not a RISC-V ELF file. */
    private static void explainProgram(Path elf) {
        try {
            TargetLoader.checkProgram(elf);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("replay: the recorded program " + elf + " is missing (give it with "
                    + "--program)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("replay: cannot read " + elf + ": " + e.getMessage(), e);
        } catch (ElfException e) {
            throw new IllegalArgumentException("replay: " + elf + " is not a usable RISC-V ELF: " + e.getMessage(), e);
        }
    }

    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file name: " + s);
        }
    }
}
