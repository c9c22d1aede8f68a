/** ELF loading for the Rewind machine: RISC-V ELF32/ELF64 little-endian executables, load segments, symbols. */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.emulator.elf;
