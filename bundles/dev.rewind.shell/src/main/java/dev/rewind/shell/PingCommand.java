package dev.rewind.shell;

import dev.rewind.bus.BusPing;
import dev.rewind.bus.EventBus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code rewind:ping [message]}: posts an event through the bus and reports its delivery. */
@Component(service = PingCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=ping",
    "rewind.synopsis=posts a ping event on the event bus and shows its delivery (a health check)"
})
public final class PingCommand {

    private final EventBus bus;
    private final AtomicLong sequence = new AtomicLong();

    @Activate
    public PingCommand(@Reference EventBus bus) {
        this.bus = bus;
    }

    public String ping(String... words) throws InterruptedException {
        String message = words.length == 0 ? "ping" : String.join(" ", words);
        long number = sequence.incrementAndGet();
        CompletableFuture<BusPing> received = new CompletableFuture<>();
        try (EventBus.Subscription subscription = bus.subscribe(BusPing.class, ping -> {
            if (ping.sequence() == number) {
                received.complete(ping);
            }
        })) {
            bus.post(new BusPing(message, number));
            BusPing ping = received.get(5, TimeUnit.SECONDS);
            return "delivered dev/rewind/bus/ping #" + ping.sequence() + ": " + ping.message();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the event bus did not deliver the ping within 5 s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ping failed: " + e.getCause(), e.getCause());
        }
    }
}
