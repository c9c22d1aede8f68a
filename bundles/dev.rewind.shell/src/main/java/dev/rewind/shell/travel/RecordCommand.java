package dev.rewind.shell.travel;

import dev.rewind.emulator.LoadException;
import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.Bookmark;
import dev.rewind.emulator.travel.InputLog;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingWriter;
import dev.rewind.shell.run.ProgramRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import picocli.CommandLine;

/**
 * {@code rewind record PROG.elf -o run.rwd [run options] [--bookmark NAME=TIME]... [--input TEXT]}: runs the program
 * like {@code rewind run} and saves a {@link Recording} (program hash, machine configuration, input log,
 * bookmarks, end time and state hash) atomically.
 */
@Component(service = RecordCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=record",
    "rewind.synopsis=runs an ELF and saves a recording that replays bit-exactly",
    "rewind.help=--help"
})
public final class RecordCommand {

    public Object record(String... args) {
        return record(args, System.out, System.err);
    }

    static int record(String[] args, PrintStream out, PrintStream err) {
        RecordOptions o = new RecordOptions();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("rewind record: " + e.getMessage());
            cli.usage(err);
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        List<String[]> marks = new ArrayList<>();
        for (String b : o.bookmarks) {
            int eq = b.indexOf('=');
            try {
                Bookmark.checkName(eq < 0 ? b : b.substring(0, eq));
                Long.parseLong(b.substring(eq + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                err.println("rewind record: --bookmark wants NAME=TIME (TIME a virtual time), not '" + b + "'");
                return ProgramRunner.EXIT_BAD_INPUT;
            }
            marks.add(new String[] {b.substring(0, eq), b.substring(eq + 1)});
        }
        String name = o.run.program().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(o.run.program());
        } catch (NoSuchFileException e) {
            err.println("rewind: no such file: " + name);
            return ProgramRunner.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("rewind: cannot read " + name + ": " + e.getMessage());
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        ElfImage image = new ProgramRunner(out, err).parse(name, bytes);
        if (image == null) {
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        InputLog input = new InputLog();
        if (o.input != null) {
            input.append(0, o.input.getBytes(StandardCharsets.UTF_8));
        }
        MachineConfig config;
        Machine machine;
        try {
            config = new MachineConfig(image.xlen(), o.run.harts(), o.run.ram(), o.run.quantum());
            machine = new Machine(config, ReplayCommand.console(out), input);
            machine.load(image);
        } catch (IllegalArgumentException | LoadException e) {
            err.println("rewind: cannot run " + name + ": " + e.getMessage());
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        RunResult result = machine.run(o.run.maxInstructions());
        out.flush();
        List<Bookmark> bookmarks = new ArrayList<>();
        for (String[] m : marks) {
            long t = Long.parseLong(m[1]);
            if (t < 0 || t > machine.time()) {
                err.printf("rewind record: bookmark %s at time %d lies outside the recording (0..%d)%n", m[0], t,
                        machine.time());
                return ProgramRunner.EXIT_BAD_INPUT;
            }
            bookmarks.add(new Bookmark(m[0], "", t));
        }
        bookmarks.sort(java.util.Comparator.comparingLong(Bookmark::time).thenComparing(Bookmark::name));
        Recording rec = new Recording(o.run.program().toAbsolutePath().normalize().toString(), image.sha256(), config,
                input.entries(), bookmarks, machine.time(), machine.stateHash(), result.reason().name());
        try {
            RecordingWriter.write(o.output, rec, FailingStream.fromProperty());
        } catch (IOException e) {
            err.println("rewind record: cannot write " + o.output + ": " + e.getMessage()
                    + " (any earlier file there is unchanged)");
            return 1;
        }
        out.printf("stopped: %s%n", result.message());
        out.printf("time: %d%n", machine.time());
        out.printf("state hash: %016x%n", machine.stateHash());
        out.printf("recorded %s to %s%n", name, o.output);
        out.flush();
        return 0;
    }
}
