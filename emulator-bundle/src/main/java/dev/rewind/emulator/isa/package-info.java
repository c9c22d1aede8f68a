/** The declarative RISC-V instruction table and what is derived from it: decoder, disassembler, test assembler. */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.emulator.isa;
