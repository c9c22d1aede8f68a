/**
 * Source-level symbols for RISC-V ELF programs: {@link dev.rewind.symbols.Symbols} (the facade: ELF symbols, line
 * tables, call frames) and {@link dev.rewind.symbols.TargetAccess} (what unwinding and variable reading need from a
 * stopped hart). No dependency on the engine or MCD.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.symbols;
