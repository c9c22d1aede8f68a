package dev.rewind.shell.run;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.WarmUp;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.isa.Decoder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.rewind.plugins.PluginRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import picocli.CommandLine;

/** {@code rewind run PROG.elf [options]}: runs a guest program; the result is the guest's exit code. */
@Component(service = RunCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=run",
    "rewind.synopsis=runs a bare-metal RISC-V ELF to its exit; prints its UART output",
    "rewind.help=--help",
    // the launcher starts only the bundles of the services this component references (and theirs): issue #16
    "rewind.start=references"
})
public final class RunCommand {

    static final boolean WARM_UP = !"false".equals(System.getProperty("rewind.warmUp"));
    static final long WARM_UP_MAX = Long.getLong("rewind.warmUp.max", 5_000_000L);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginRegistry plugins;

    public Object run(String... args) {
        return run(args, System.out, System.err, plugins);
    }

    /** Runs the engine's built-in warm-up loop ({@link WarmUp}); a failure there is reported, never the run's. */
    private static void warmUp(AtomicBoolean go, PrintStream err) {
        try {
            // RV64's shared decoder too (the loop builds RV32's): an RV64 guest's machine then builds none
            Decoder.of(64);
            Machine m = WarmUp.run(32, WARM_UP_MAX, () -> !go.get());
            Timeline.mark("warm-up done: " + m.time() + " instructions");
        } catch (RuntimeException | Error e) {
            // (once the run no longer waits for it, a failure is the runtime stopping under it: nothing to report)
            if (go.get()) {
                err.println("rewind: the engine's warm-up failed (the run goes on): " + e);
            }
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    static int run(String[] args, PrintStream out, PrintStream err, PluginRegistry plugins) {
        Timeline.mark("run command entered");
        // the engine's classes loaded (and its code warmed) by another thread while this one parses the options and
        // the ELF, until the guest's machine is built
        AtomicBoolean warm = new AtomicBoolean(WARM_UP);
        Thread warmer = WARM_UP
                ? Thread.ofPlatform().daemon().name("rewind-warm-up").start(() -> warmUp(warm, err)) : null;
        try {
            return run(args, out, err, plugins, warm);
        } finally {
            warm.set(false);
            stop(warmer, err);
        }
    }

    /**
     * Waits for the warm-up thread (asked to stop: it ends after its current step), so that it never runs on while
     * the OSGi runtime stops under it (a run ended by bad input: NoClassDefFoundError from a stopped bundle).
     */
    private static void stop(Thread warmer, PrintStream err) {
        if (warmer == null) {
            return;
        }
        try {
            if (!warmer.join(java.time.Duration.ofSeconds(10))) {
                err.println("rewind: the engine's warm-up did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int run(String[] args, PrintStream out, PrintStream err, PluginRegistry plugins, AtomicBoolean warm) {
        RunOptions options = new RunOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("rewind run: " + e.getMessage());
            cli.usage(err);
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        if (options.help) {
            cli.usage(out);
            return 0;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(options.program);
        } catch (NoSuchFileException e) {
            err.println("rewind: no such file: " + options.program);
            return ProgramRunner.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("rewind: cannot read " + options.program + ": " + e.getMessage());
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        Timeline.mark("options parsed, ELF read");
        ProgramRunner runner = new ProgramRunner(out, err, plugins);
        String name = options.program.toString();
        ElfImage image = runner.parse(name, bytes);
        if (image == null) {
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        Timeline.mark("ELF parsed");
        warm.set(false);
        return runner.run(name, image, options).exitCode();
    }
}
