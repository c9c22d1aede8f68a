package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdException;
import dev.rewind.symbols.elf.ElfException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/** {@code load PROG.elf [HARTS] [QUANTUM]}, {@code state}, {@code time}, {@code console}, {@code hart [N]}. */
@Component(service = TargetCommands.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=load",
    "osgi.command.function=state",
    "osgi.command.function=time",
    "osgi.command.function=console",
    "osgi.command.function=hart"
})
public final class TargetCommands {
    @org.osgi.service.component.annotations.Reference
    private dev.rewind.debug.DebugSessions sessions;

    public void load(CommandSession session, String... args) {
        if (args.length < 1 || args.length > 3) {
            throw new IllegalArgumentException("usage: load PROG.elf [HARTS] [QUANTUM]");
        }
        int harts = args.length > 1 ? Values.count(args[1], "harts") : 1;
        int quantum = args.length > 2 ? Values.count(args[2], "quantum") : 0;
        Path elf = Path.of(args[0]);
        McdTarget target;
        try {
            target = McdTarget.load(sessions, elf, harts, quantum);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("load: no such file: " + elf);
        } catch (IOException e) {
            throw new IllegalArgumentException("load: cannot read " + elf + ": " + e.getMessage());
        } catch (ElfException e) {
            throw new IllegalArgumentException("load: " + elf + " is not a usable RISC-V ELF: " + e.getMessage());
        } catch (McdException e) {
            throw Sessions.failed("load", e);
        }
        Sessions.replace(session, target);
        Sessions.out(session).println("loaded " + elf + " (RV" + target.xlen() + ", " + harts + " hart"
                + (harts == 1 ? "" : "s") + ", entry " + Values.hex(target.symbols().elf().entry()) + ")");
    }

    /** The state of every hart, one line each; the current hart is marked with '*'. */
    public void state(CommandSession session) {
        McdTarget t = Sessions.target(session);
        PrintStream out = Sessions.out(session);
        try {
            for (int h = 0; h < t.harts(); h++) {
                CoreState st = t.state(h);
                out.println((h == t.currentHart() ? "* " : "  ") + "hart " + h + " " + st.state() + " pc "
                        + Values.where(t.symbols(), t.pc(h)) + (st.stopStr().isEmpty() || st.hwThreadId() != h ? ""
                        : ": " + st.stopStr()));
            }
            out.println("time " + t.time());
        } catch (McdException e) {
            throw Sessions.failed("state", e);
        }
    }

    public void time(CommandSession session) {
        try {
            Sessions.out(session).println(Sessions.target(session).time());
        } catch (McdException e) {
            throw Sessions.failed("time", e);
        }
    }

    /** The guest's UART output so far (along the furthest point reached). */
    public void console(CommandSession session) {
        Sessions.out(session).print(Sessions.target(session).console());
        Sessions.out(session).flush();
    }

    /** {@code hart}: the current hart; {@code hart N}: make N current (the default of step, reg, ...). */
    public void hart(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: hart [N]");
        }
        if (args.length == 1) {
            t.selectHart(Values.count(args[0], "hart"));
        }
        Sessions.out(session).println("hart " + t.currentHart() + " of " + t.harts());
    }
}
