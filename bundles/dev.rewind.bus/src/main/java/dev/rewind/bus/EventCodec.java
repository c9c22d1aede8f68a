package dev.rewind.bus;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Turns event records into EventAdmin topics and properties and back. Stateless. */
public final class EventCodec {

    /** The property holding an enum's constant name is the component name; enums travel as names. */
    private EventCodec() {
    }

    /** The topic of an event record type, checked. */
    public static String topicOf(Class<? extends Record> type) {
        Topic topic = type.getAnnotation(Topic.class);
        if (topic == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Topic annotation");
        }
        String value = topic.value();
        if (!value.startsWith("dev/rewind/") || value.endsWith("/") || value.contains("//") || value.contains("*")) {
            throw new IllegalArgumentException("topic '" + value + "' of " + type.getName()
                    + " must be a plain topic under dev/rewind/");
        }
        return value;
    }

    /** The record's components as event properties, in declaration order. */
    public static Map<String, Object> toProperties(Record event) {
        Objects.requireNonNull(event, "event");
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            Object value = read(component, event);
            if (value instanceof Enum<?> constant) {
                value = constant.name();
            }
            if (value != null) {
                properties.put(component.getName(), value);
            }
        }
        return properties;
    }

    /** Rebuilds a record of {@code type} from event properties (a missing property becomes null/zero). */
    public static <E extends Record> E fromProperties(Class<E> type, Map<String, ?> properties) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(types[i], properties.get(components[i].getName()), components[i].getName());
        }
        try {
            Constructor<E> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot rebuild " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot rebuild " + type.getName() + ": " + e, e);
        }
    }

    private static Object read(RecordComponent component, Record event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + component.getName() + " of "
                    + event.getClass().getName() + ": " + e, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, Object value, String name) {
        if (value == null) {
            return type.isPrimitive() ? defaultOf(type) : null;
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value.toString());
        }
        Class<?> boxed = box(type);
        if (!boxed.isInstance(value)) {
            throw new IllegalArgumentException("property '" + name + "' is a " + value.getClass().getSimpleName()
                    + ", expected " + type.getSimpleName());
        }
        return value;
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}
