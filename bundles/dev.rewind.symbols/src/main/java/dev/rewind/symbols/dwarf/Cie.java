package dev.rewind.symbols.dwarf;

/**
 * A Common Information Entry of .debug_frame or .eh_frame.
 *
 * @param offset              the entry's offset in its section
 * @param version             1, 3 or 4
 * @param augmentation        the augmentation string ("" or e.g. "zR")
 * @param addressSize         the size of target addresses
 * @param codeAlignment       code_alignment_factor
 * @param dataAlignment       data_alignment_factor
 * @param returnAddressColumn the register that holds the return address (1 = ra on RISC-V)
 * @param fdeEncoding         DW_EH_PE_* encoding of FDE addresses ('R' augmentation; 0 = absolute)
 * @param signalFrame         'S' augmentation
 * @param instructionsStart   offset of the initial instructions in the section
 * @param instructionsEnd     offset just past them
 */
public record Cie(long offset, int version, String augmentation, int addressSize, long codeAlignment,
        long dataAlignment, int returnAddressColumn, int fdeEncoding, boolean signalFrame, long instructionsStart,
        long instructionsEnd) {

    /** Whether FDEs of this CIE carry augmentation data (a 'z' augmentation). */
    public boolean hasAugmentationData() {
        return augmentation.startsWith("z");
    }
}
