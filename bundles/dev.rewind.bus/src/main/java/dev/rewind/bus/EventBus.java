package dev.rewind.bus;

import java.util.function.Consumer;

/**
 * The one facade for publishing and receiving Rewind events. Available as an OSGi service.
 *
 * <p>Event records may have components of types String, boolean, the primitive numeric types and
 * their boxes, enums, byte arrays and long arrays. Per-instruction data never goes through the bus;
 * batches do.
 */
public interface EventBus {

    /** Publishes asynchronously: returns at once; subscribers run on EventAdmin's thread, in order of posting. */
    void post(Record event);

    /** Publishes synchronously: returns after every subscriber has handled the event. */
    void send(Record event);

    /** Subscribes to events of one record type; close the subscription to stop receiving them. */
    <E extends Record> Subscription subscribe(Class<E> type, Consumer<? super E> handler);

    /** A live subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
