package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.io.PrintStream;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bookmark add NAME | list | goto NAME | delete NAME} and {@code goto TIME}. Reverse step and continue
 * are {@link ReverseStepCommand} and {@link ReverseContinueCommand} (their names have a dash).
 */
@Component(service = TravelCommands.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=bookmark",
    "osgi.command.function=goto"
})
public final class TravelCommands {

    public void bookmark(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        PrintStream out = Sessions.out(session);
        String sub = args.length > 0 ? args[0] : "list";
        int hart = t.currentHart();
        try {
            switch (sub) {
                case "add" -> {
                    TimeTravel.Bookmark b = t.travel(hart).addBookmark(name(args));
                    out.println("bookmark " + b.name() + " at time " + b.time());
                }
                case "list" -> {
                    if (args.length > 1) {
                        throw new IllegalArgumentException("usage: bookmark list");
                    }
                    for (TimeTravel.Bookmark b : t.travel(hart).bookmarks()) {
                        out.println(b.name() + " " + b.time());
                    }
                }
                case "goto" -> {
                    String name = name(args);
                    out.println(t.describe(t.travel(hart, tt -> tt.goToBookmark(name))));
                }
                case "delete" -> {
                    t.travel(hart).deleteBookmark(name(args));
                    out.println("deleted bookmark " + args[1]);
                }
                default -> throw new IllegalArgumentException(
                        "usage: bookmark add NAME | bookmark list | bookmark goto NAME | bookmark delete NAME");
            }
        } catch (McdException e) {
            throw Sessions.failed("bookmark " + sub, e);
        }
    }

    private static String name(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: bookmark " + args[0] + " NAME");
        }
        return args[1];
    }

    /** {@code goto TIME}: to that virtual time, earlier or later. */
    public void _goto(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: goto TIME");
        }
        long time = Values.number(args[0], "time");
        try {
            Sessions.out(session).println(t.describe(t.travel(t.currentHart(), tt -> tt.goToTime(time))));
        } catch (McdException e) {
            throw Sessions.failed("goto", e);
        }
    }
}
