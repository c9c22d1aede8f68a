package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdException;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/**
 * {@code run [--until-exit | --max N]} (alias {@code continue}), {@code stop}, {@code step [HART] [N]}. Each
 * blocks until the machine stopped and prints where; Ctrl-C stops a run.
 */
@Component(service = RunCommands.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=run",
    "osgi.command.function=continue",
    "osgi.command.function=stop",
    "osgi.command.function=step"
})
public final class RunCommands {

    /** Largest number of trigger stops {@code --until-exit} continues through. */
    static final int MAX_CONTINUES = 1_000_000;

    public void run(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        boolean untilExit = false;
        long max = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--until-exit" -> untilExit = true;
                case "--max" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("run: --max needs a number of instructions");
                    }
                    max = Values.number(args[++i], "run --max");
                    if (max <= 0) {
                        throw new IllegalArgumentException("run: --max must be positive");
                    }
                }
                default -> throw new IllegalArgumentException("usage: run [--until-exit | --max N]");
            }
        }
        if (untilExit && max > 0) {
            throw new IllegalArgumentException("run: --until-exit and --max exclude each other");
        }
        try {
            CoreState st = t.run(max);
            for (int n = 0; untilExit && st.state() == CoreExecState.DEBUG && st.trigId() != 0; n++) {
                if (n == MAX_CONTINUES) {
                    throw new IllegalStateException("run --until-exit: still stopping at triggers after " + n
                            + " continues; delete them or use run");
                }
                st = t.run(0);
            }
            Sessions.out(session).println(t.describe(st));
        } catch (McdException e) {
            throw Sessions.failed("run", e);
        }
    }

    /** {@code continue}: the same as {@code run}. */
    public void _continue(CommandSession session, String... args) {
        run(session, args);
    }

    public void stop(CommandSession session) {
        McdTarget t = Sessions.target(session);
        try {
            Sessions.out(session).println(t.describe(t.stop()));
        } catch (McdException e) {
            throw Sessions.failed("stop", e);
        }
    }

    /** {@code step}: one instruction of the current hart; {@code step H}: of hart H; {@code step H N}: N of them. */
    public void step(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        if (args.length > 2) {
            throw new IllegalArgumentException("usage: step [HART] [N]");
        }
        int hart = Sessions.hart(t, args, 0);
        int n = args.length > 1 ? Values.count(args[1], "step count") : 1;
        try {
            Sessions.out(session).println(t.describe(t.step(hart, n)));
        } catch (McdException e) {
            throw Sessions.failed("step", e);
        }
    }
}
