/**
 * The program's .debug_info (DWARF 4 and 5): compile units, functions and inlined calls with their scopes,
 * parameters, locals and globals, their types and locations; DWARF location expressions and value formatting.
 * Start at {@link dev.rewind.symbols.info.DebugInfo}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.symbols.info;
