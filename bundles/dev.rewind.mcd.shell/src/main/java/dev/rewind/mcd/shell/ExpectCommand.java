package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.McdException;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;

/**
 * {@code expect ...}: an assertion for scripts (forms: {@link Expectation}). It prints {@code ok: ...} when it
 * holds; otherwise it fails the command, so {@code ./rewind script} stops and exits with code 1, printing the
 * expectation with the expected and actual values.
 */
@Component(service = ExpectCommand.class, property = {
    "osgi.command.scope=mcd",
    "osgi.command.function=expect"
})
public final class ExpectCommand {

    public void expect(CommandSession session, String... args) {
        McdTarget t = Sessions.target(session);
        try {
            Sessions.out(session).println(Expectation.check(t, args));
        } catch (McdException e) {
            throw Sessions.failed("expect", e);
        }
    }
}
