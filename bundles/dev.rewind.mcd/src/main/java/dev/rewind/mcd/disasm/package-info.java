/** Instruction text beside the MCD API ({@code core.adapt(Disassembly.class)}). */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.mcd.disasm;
