/**
 * C-like expressions over a stopped program's variables, registers and memory, for watch windows, hovers,
 * breakpoint conditions and a REPL. Start at {@link dev.rewind.symbols.expr.Evaluator}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.symbols.expr;
