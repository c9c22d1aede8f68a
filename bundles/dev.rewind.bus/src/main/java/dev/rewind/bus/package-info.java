/**
 * Rewind's event bus: typed events over OSGi EventAdmin.
 *
 * <p>An event is a Java record annotated with {@link dev.rewind.bus.Topic}; its components become the
 * EventAdmin properties. Publishers call {@link dev.rewind.bus.EventBus#post(Record)}; subscribers call
 * {@link dev.rewind.bus.EventBus#subscribe(Class, java.util.function.Consumer)} and receive records again.
 * Nobody builds property dictionaries by hand. Topics live under {@code dev/rewind/}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.bus;
