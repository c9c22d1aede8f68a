package dev.rewind.shell.run;

import dev.rewind.emulator.LoadException;
import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.io.PrintStream;

/** Runs one guest program to its end and reports the result as a process exit code. */
public final class ProgramRunner {

    /** Exit code when the instruction budget ran out before the guest exited. */
    public static final int EXIT_LIMIT = 124;
    /** Exit code when the machine can make no progress (every hart asleep, nothing to wake it). */
    public static final int EXIT_STUCK = 125;
    /** Exit code for bad input (unreadable or malformed ELF, bad options). */
    public static final int EXIT_BAD_INPUT = 2;

    private final PrintStream out;
    private final PrintStream err;

    public ProgramRunner(PrintStream out, PrintStream err) {
        this(out, err, null);
    }

    /** @param plugins installs the registered plugins into the run's machine (null: none) */
    public ProgramRunner(PrintStream out, PrintStream err, dev.rewind.plugins.PluginRegistry plugins) {
        this.out = out;
        this.err = err;
        this.plugins = plugins;
    }

    private final dev.rewind.plugins.PluginRegistry plugins;

    /** What a finished run looked like. */
    public record Outcome(int exitCode, RunResult result, Machine machine, long wallNanos) {
    }

    /** Parses an ELF, reporting problems on stderr; null when it is not usable. */
    public ElfImage parse(String name, byte[] bytes) {
        try {
            return ElfLoader.parse(bytes);
        } catch (ElfFormatException e) {
            err.println("rewind: " + name + " is not a usable RISC-V ELF: " + e.getMessage());
            return null;
        }
    }

    /** Builds the machine for {@code image}, runs it, prints the outcome. Never throws for guest behaviour. */
    public Outcome run(String name, ElfImage image, RunOptions options) {
        MachineConfig config;
        Machine machine;
        try {
            config = new MachineConfig(image.xlen(), options.harts, options.ram, options.quantum);
            machine = new Machine(config, this::console, InputSource.none());
            Timeline.mark("machine built");
            machine.load(image);
        } catch (IllegalArgumentException | LoadException e) {
            err.println("rewind: cannot run " + name + ": " + e.getMessage());
            return new Outcome(EXIT_BAD_INPUT, null, null, 0);
        }
        dev.rewind.plugins.PluginRegistry.Attachment attached = plugins == null ? null
                : plugins.attach(machine, name, (plugin, line) -> err.println("[" + plugin + "] " + line));
        long start = System.nanoTime();
        Timeline.mark("machine loaded");
        RunResult result = Timeline.run(machine, options.maxInstructions);
        long wall = System.nanoTime() - start;
        out.flush();
        if (attached != null) {
            attached.close();
        }
        int code = switch (result.reason()) {
            case EXITED -> result.exitCode();
            case LIMIT_REACHED -> {
                err.printf("rewind: %s did not exit within %,d instructions (--max-insns); stopped at pc 0x%x on hart %d%n",
                        name, options.maxInstructions, machine.hart(Math.max(0, result.hart())).pc(), Math.max(0, result.hart()));
                yield EXIT_LIMIT;
            }
            case DEADLOCK -> {
                err.println("rewind: " + name + " is stuck: " + result.message());
                yield EXIT_STUCK;
            }
            default -> {
                err.println("rewind: " + name + " stopped: " + result.message());
                yield EXIT_STUCK;
            }
        };
        if (options.stats) {
            printStats(machine, wall);
        }
        return new Outcome(code, result, machine, wall);
    }

    /** Guest console bytes go to stdout, flushed at each line end so interactive users see them. */
    private void console(byte b) {
        out.write(b);
        if (b == '\n') {
            out.flush();
        }
    }

    private void printStats(Machine machine, long wallNanos) {
        long total = 0;
        for (int h = 0; h < machine.hartCount(); h++) {
            long retired = machine.retired(h);
            total += retired;
            err.printf("hart %d instructions: %d%n", h, retired);
        }
        double seconds = wallNanos / 1e9;
        err.printf("instructions: %d%n", total);
        err.printf("virtual time: %d%n", machine.time());
        err.printf("wall: %.3f s%n", seconds);
        err.printf("MIPS: %.1f%n", seconds > 0 ? total / seconds / 1e6 : 0.0);
    }
}
