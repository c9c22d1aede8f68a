package dev.rewind.debug;

import dev.rewind.symbols.TargetAccess;
import dev.rewind.symbols.info.TargetWriter;

/**
 * One stopped hart as the symbols need it (registers by DWARF number, pc, memory; writes), valid only inside the
 * {@link DebugSession#inspect} call that hands it out: it runs on the session's executor, so its reads and writes
 * go straight to the machine. Writes are debugger writes (recorded, and in history the start of a new future).
 */
public interface HartAccess extends TargetAccess, TargetWriter {

    /** The hart. */
    int hart();
}
