/**
 * The JVM-bytecode translator: turns hot regions of decoded blocks into hidden classes extending
 * {@code dev.rewind.emulator.cpu.JitCode}. Pure code generation; the cpu package decides what is hot,
 * defines the classes and runs them.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.emulator.jit;
