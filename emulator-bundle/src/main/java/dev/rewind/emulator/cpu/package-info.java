/** Harts, CSRs, traps, decoded-block cache and the interpreter. */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.rewind.emulator.cpu;
