/**
 * The debug services' events as event-bus records, under {@code dev/rewind/session/...} (see
 * {@code bundles/dev.rewind.debug/README.md} for the table). Posted for every session when an
 * {@code EventBus} is present.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.debug.bus;
