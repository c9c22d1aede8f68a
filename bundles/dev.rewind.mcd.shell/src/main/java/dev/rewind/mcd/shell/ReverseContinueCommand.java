package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdException;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/**
 * {@code reverse-continue}: back to the latest earlier point where a breakpoint or watchpoint (of any hart)
 * would have stopped the machine, or to the start of history.
 */
@Component(service = ReverseContinueCommand.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=reverse-continue"
})
public final class ReverseContinueCommand {

    /** Gogo calls {@code _main}, with the command name first, for a name that is no Java method name. */
    public void _main(CommandSession session, String... words) {
        String[] args = Sessions.withoutName("reverse-continue", words);
        McdTarget t = Sessions.target(session);
        if (args.length != 0) {
            throw new IllegalArgumentException("usage: reverse-continue");
        }
        try {
            Sessions.out(session).println(t.describe(t.travel(t.currentHart(), tt -> tt.reverseContinue())));
        } catch (McdException e) {
            throw Sessions.failed("reverse-continue", e);
        }
    }
}
