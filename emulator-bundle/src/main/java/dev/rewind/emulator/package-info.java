/** Rewind's emulator engine: a deterministic multi-hart RISC-V machine. */
@org.osgi.annotation.versioning.Version("0.3.0")
package dev.rewind.emulator;
