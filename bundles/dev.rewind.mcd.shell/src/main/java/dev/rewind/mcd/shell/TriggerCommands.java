package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdException;
import java.io.PrintStream;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/**
 * {@code break [ADDR|SYMBOL]} (no argument: list), {@code watch ADDR|SYMBOL [LEN] [r|w|rw]},
 * {@code delete [N]} (no argument: all). Triggers stop every hart.
 */
@Component(service = TriggerCommands.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=break",
    "osgi.command.function=watch",
    "osgi.command.function=delete"
})
public final class TriggerCommands {

    public void _break(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        PrintStream out = Sessions.out(session);
        if (args.length == 0) {
            for (UserTriggers.Entry e : t.triggers().list()) {
                out.println(e.number() + ": " + e.description());
            }
            return;
        }
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: break ADDR|SYMBOL[+OFFSET]");
        }
        long address = Values.address(t.symbols(), args[0]);
        try {
            UserTriggers.Entry e = t.triggers().addBreakpoint(address);
            out.println(e.number() + ": " + e.description());
        } catch (McdException e) {
            throw Sessions.failed("break", e);
        }
    }

    /** Length defaults to the symbol's size (else 4), kind to w. */
    public void watch(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        if (args.length < 1 || args.length > 3) {
            throw new IllegalArgumentException("usage: watch ADDR|SYMBOL [LEN] [r|w|rw]");
        }
        long address = Values.address(t.symbols(), args[0]);
        long size = Values.symbolSize(t.symbols(), args[0]);
        long length = size > 0 ? size : 4;
        String kind = "w";
        for (int i = 1; i < args.length; i++) {
            if (Values.isNumber(args[i])) {
                length = Values.number(args[i], "watch length");
            } else {
                kind = args[i];
            }
        }
        try {
            UserTriggers.Entry e = t.triggers().addWatchpoint(address, length, kind);
            Sessions.out(session).println(e.number() + ": " + e.description());
        } catch (McdException e) {
            throw Sessions.failed("watch", e);
        }
    }

    public void delete(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        try {
            if (args.length == 0) {
                Sessions.out(session).println("deleted " + t.triggers().removeAll() + " breakpoints/watchpoints");
            } else {
                for (String a : args) {
                    UserTriggers.Entry e = t.triggers().remove(Values.count(a, "breakpoint number"));
                    Sessions.out(session).println("deleted " + e.number() + ": " + e.description());
                }
            }
        } catch (McdException e) {
            throw Sessions.failed("delete", e);
        }
    }
}
