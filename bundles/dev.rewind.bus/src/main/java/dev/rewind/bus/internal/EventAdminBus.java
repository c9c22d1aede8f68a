package dev.rewind.bus.internal;

import dev.rewind.bus.EventBus;
import dev.rewind.bus.EventCodec;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** The {@link EventBus} service over OSGi EventAdmin. */
@Component(service = EventBus.class)
public final class EventAdminBus implements EventBus {

    private final EventAdmin eventAdmin;
    private final BundleContext context;

    @Activate
    public EventAdminBus(@Reference EventAdmin eventAdmin, BundleContext context) {
        this.eventAdmin = eventAdmin;
        this.context = context;
    }

    @Override
    public void post(Record event) {
        eventAdmin.postEvent(toEvent(event));
    }

    @Override
    public void send(Record event) {
        eventAdmin.sendEvent(toEvent(event));
    }

    @Override
    public <E extends Record> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
        String topic = EventCodec.topicOf(type);
        EventHandler adapter = event -> handler.accept(EventCodec.fromProperties(type, propertiesOf(event)));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, topic);
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, adapter, props);
        return registration::unregister;
    }

    private static Event toEvent(Record event) {
        @SuppressWarnings("unchecked")
        Class<? extends Record> type = (Class<? extends Record>) event.getClass();
        return new Event(EventCodec.topicOf(type), EventCodec.toProperties(event));
    }

    private static Map<String, Object> propertiesOf(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        return properties;
    }
}
