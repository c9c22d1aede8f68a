package dev.rewind.trace.command;

import dev.rewind.bus.EventBus;
import dev.rewind.emulator.LoadException;
import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.trace.FunctionTable;
import dev.rewind.trace.Trace;
import dev.rewind.trace.TraceOptions;
import dev.rewind.trace.TraceRecorder;
import dev.rewind.trace.export.ChromeExport;
import dev.rewind.trace.export.CtfExport;
import dev.rewind.trace.export.HtmlExport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import picocli.CommandLine;

/**
 * {@code rewind trace PROG.elf [--harts N] [--what ...] [--format ctf|chrome|html] -o OUT}: runs the program with a
 * {@link TraceRecorder} (batches also on the event bus when there is one) and exports the trace. Exit code: 0, or 2
 * for bad input (unreadable or malformed ELF, bad options, an output that cannot be written).
 */
@Component(service = TraceCommand.class, property = {"osgi.command.scope=rewind", "osgi.command.function=trace",
    "rewind.synopsis=runs an ELF and exports its per-hart trace (CTF, Chrome JSON, HTML timeline)",
    "rewind.help=--help"})
public final class TraceCommand {
    static final long CHUNK = 50_000_000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    public Object trace(String... args) {
        return run(args, System.out, System.err, bus);
    }

    static int run(String[] args, PrintStream out, PrintStream err, EventBus bus) {
        TraceOptionsCli o = new TraceOptionsCli();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("rewind trace: " + e.getMessage());
            cli.usage(err);
            return 2;
        }
        if (o.help) {
            cli.usage(out);
            return 0;
        }
        if (!o.format.matches("ctf|chrome|html")) {
            err.println("rewind trace: --format must be ctf, chrome or html, not " + o.format);
            return 2;
        }
        try {
            ElfImage image = ElfLoader.parse(o.program);
            TraceOptions opts = TraceOptions.parse(o.what, image, o.budgetMiB << 20);
            Machine m = new Machine(MachineConfig.defaults(image.xlen()).withHarts(o.harts).withQuantum(o.quantum),
                    ConsoleSink.discard(), InputSource.none());
            m.load(image);
            String label = o.program.getFileName().toString();
            TraceRecorder rec = new TraceRecorder(label, opts, FunctionTable.of(image), bus == null ? null : bus::post);
            m.plugins().reportTo((p, l) -> err.println("[" + p + "] " + l));
            if (m.plugins().install(rec).isPresent()) {
                return 2;
            }
            RunResult r = runWithProgress(m, o.maxInstructions, err);
            rec.flush();
            Trace t = rec.snapshot();
            write(t, o);
            m.plugins().uninstallAll();
            err.printf("rewind trace: %s, %,d instructions, %,d events -> %s (%s)%n", r.reason() == StopReason.EXITED
                    ? "exited with " + r.exitCode() : r.message(), m.time(), t.events(), o.output, o.format);
            return 0;
        } catch (IOException | ElfFormatException | LoadException | IllegalArgumentException e) {
            err.println("rewind trace: " + e.getMessage());
            return 2;
        }
    }

    private static RunResult runWithProgress(Machine m, long max, PrintStream err) {
        RunResult r;
        boolean shown = false;
        do {
            r = m.run(Math.min(CHUNK, max - m.time()));
            if (r.reason() == StopReason.LIMIT_REACHED && m.time() < max) {
                err.printf("\rtracing: %,d instructions", m.time());
                shown = true;
            }
        } while (r.reason() == StopReason.LIMIT_REACHED && m.time() < max);
        if (shown) {
            err.println();
        }
        return r;
    }

    private static void write(Trace t, TraceOptionsCli o) throws IOException {
        if (o.format.equals("ctf")) {
            CtfExport.write(t, o.output);
            return;
        }
        try (Writer w = Files.newBufferedWriter(o.output, StandardCharsets.UTF_8)) {
            if (o.format.equals("chrome")) {
                ChromeExport.write(t, w);
            } else {
                HtmlExport.write(t, w);
            }
        }
    }
}
