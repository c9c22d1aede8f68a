/** ELF32/ELF64 little-endian RISC-V files: sections, symbols and load segments. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.symbols.elf;
