package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdException;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/** {@code reverse-step [HART] [N]}: HART (default: the current hart) goes back N (default 1) instructions. */
@Component(service = ReverseStepCommand.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=reverse-step"
})
public final class ReverseStepCommand {

    /** Gogo calls {@code _main}, with the command name first, for a name that is no Java method name. */
    public void _main(CommandSession session, String... words) {
        String[] args = Sessions.withoutName("reverse-step", words);
        McdTarget t = Sessions.target(session);
        if (args.length > 2) {
            throw new IllegalArgumentException("usage: reverse-step [HART] [N]");
        }
        int hart = Sessions.hart(t, args, 0);
        int n = args.length > 1 ? Values.count(args[1], "step count") : 1;
        try {
            Sessions.out(session).println(t.describe(t.travel(hart, tt -> tt.reverseStep(n))));
        } catch (McdException e) {
            throw Sessions.failed("reverse-step", e);
        }
    }
}
