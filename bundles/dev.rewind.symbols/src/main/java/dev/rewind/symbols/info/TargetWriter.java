package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess.AccessException;

/** Writes to a stopped target, for changing variables ({@link Value#write}). */
public interface TargetWriter {

    void writeMemory(long address, byte[] data) throws AccessException;

    /** Sets DWARF register {@code dwarfRegister} (x1..x31 = 1..31). */
    void setRegister(int dwarfRegister, long value) throws AccessException;
}
