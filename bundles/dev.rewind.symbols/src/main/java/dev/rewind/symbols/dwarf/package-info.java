/**
 * Low-level DWARF readers: {@link dev.rewind.symbols.dwarf.DwarfCursor} over one section, line programs and call
 * frame information.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.symbols.dwarf;
