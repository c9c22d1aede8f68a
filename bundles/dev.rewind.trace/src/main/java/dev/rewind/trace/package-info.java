/**
 * Rewind's execution trace: a {@link dev.rewind.trace.TraceRecorder} plugin records per hart executed blocks,
 * function entries and returns, traps and interrupts, memory accesses matching filters, UART output and the
 * harts' exit into bounded ring buffers ({@link dev.rewind.trace.EventRing}, a memory budget), live execution only
 * (replayed history is already there), cut back when the past is changed. It publishes the same events as
 * {@link dev.rewind.trace.TraceBatch} batches on the event bus for trace views; {@link dev.rewind.trace.Trace} is a
 * snapshot that the exporters (package {@code dev.rewind.trace.export}) write as CTF, Chrome JSON or HTML.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.trace;
