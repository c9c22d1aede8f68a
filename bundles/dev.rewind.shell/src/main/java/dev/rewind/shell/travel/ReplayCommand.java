package dev.rewind.shell.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.Bookmark;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingException;
import dev.rewind.emulator.travel.RecordingPlayer;
import dev.rewind.emulator.travel.RecordingReader;
import dev.rewind.shell.run.ProgramRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rewind replay run.rwd [--to TIME | --to-bookmark NAME] [--program PROG.elf]}: replays a recording on a
 * fresh machine (the program must be the recorded one, checked by SHA-256) to its end, a time or a bookmark, with
 * its console input and its debugger writes (each at its time, the state hash after it checked), and prints the
 * virtual time and state hash there; at the end it also checks the hash against the recorded one.
 */
@Component(service = ReplayCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=replay",
    "rewind.synopsis=replays a recording and checks its state hash",
    "rewind.help=--help"
})
public final class ReplayCommand {

    /** Exit code when the replay does not reach the recorded state. */
    public static final int EXIT_DIVERGED = 1;

    @Command(name = "rewind replay", sortOptions = false, usageHelpAutoWidth = true,
            description = "Replays a recording made by 'rewind record' and prints the state hash where it stops.",
            footer = {"", "Exit code: 0 when the replay reached its target (and, at the end, the recorded state), "
                    + "1 when it diverged, 2 for a missing, corrupt or mismatched recording or program."})
    static final class Options {
        @Parameters(index = "0", paramLabel = "RUN.rwd", description = "the recording")
        Path recording;

        @Option(names = "--to", paramLabel = "TIME", description = "stop at this virtual time (default: the end)")
        Long to;

        @Option(names = "--to-bookmark", paramLabel = "NAME", description = "stop at this bookmark of the recording")
        String toBookmark;

        @Option(names = "--program", paramLabel = "PROG.elf",
                description = "the program, if not at its recorded path (it must be the same file)")
        Path program;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
        boolean help;
    }

    public Object replay(String... args) {
        return replay(args, System.out, System.err);
    }

    static ConsoleSink console(PrintStream out) {
        return b -> {
            out.write(b);
            if (b == '\n') {
                out.flush();
            }
        };
    }

    static int replay(String[] args, PrintStream out, PrintStream err) {
        Options o = new Options();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("rewind replay: " + e.getMessage());
            cli.usage(err);
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        if (o.help) {
            cli.usage(out);
            return 0;
        }
        if (o.to != null && o.toBookmark != null) {
            err.println("rewind replay: give --to or --to-bookmark, not both");
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        try {
            return replay(o, out, err);
        } catch (RecordingException e) {
            err.println("rewind replay: " + e.getMessage());
            return ProgramRunner.EXIT_BAD_INPUT;
        }
    }

    private static int replay(Options o, PrintStream out, PrintStream err) throws RecordingException {
        Recording rec = RecordingReader.read(o.recording);
        Path program = o.program != null ? o.program : Path.of(rec.programPath());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(program);
        } catch (NoSuchFileException e) {
            throw new RecordingException("the recorded program " + program + " is missing (give it with --program)");
        } catch (IOException e) {
            throw new RecordingException("cannot read the program " + program + ": " + e.getMessage());
        }
        ElfImage image = new ProgramRunner(out, err).parse(program.toString(), bytes);
        if (image == null) {
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        rec.checkProgram(image.sha256());
        long target = rec.endTime();
        if (o.toBookmark != null) {
            Optional<Bookmark> b = rec.bookmark(o.toBookmark);
            if (b.isEmpty()) {
                throw new RecordingException("the recording has no bookmark '" + o.toBookmark + "' (it has: "
                        + rec.bookmarks().stream().map(Bookmark::name).toList() + ")");
            }
            target = b.get().time();
        } else if (o.to != null) {
            target = o.to;
        }
        if (target < 0 || target > rec.endTime()) {
            throw new RecordingException("time " + target + " lies outside the recording (0.." + rec.endTime() + ")");
        }
        RecordingPlayer player = RecordingPlayer.on(rec, image, console(out));
        Machine machine = player.machine();
        try {
            player.runTo(target);
        } catch (RecordingException e) {
            out.flush();
            err.println("rewind replay: DIVERGED: " + e.getMessage());
            return EXIT_DIVERGED;
        }
        out.flush();
        long hash = machine.stateHash();
        out.printf("time: %d%n", machine.time());
        out.printf("state hash: %016x%n", hash);
        if (machine.time() != target) {
            err.printf("rewind replay: DIVERGED: the machine stopped at time %d before %d%n", machine.time(), target);
            return EXIT_DIVERGED;
        }
        if (target == rec.endTime()) {
            if (hash != rec.endStateHash()) {
                err.printf("rewind replay: DIVERGED: state hash %016x at the end, the recording has %016x%n", hash,
                        rec.endStateHash());
                return EXIT_DIVERGED;
            }
            out.println("replay matches the recording");
        }
        out.flush();
        return 0;
    }
}
