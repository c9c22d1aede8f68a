package dev.rewind.eclipse.core.model;

/**
 * One unwound frame as the Debug view shows it.
 *
 * @param level    0 for the innermost frame
 * @param pc       the frame's pc (a return address for outer frames)
 * @param lookupPc the pc to look symbols up with (pc - 1 for outer frames)
 * @param cfa      the canonical frame address, -1 when unknown
 * @param function the function's name, or null
 * @param file     the DWARF path of the source file, or null
 * @param line     the source line, 0 when unknown
 */
public record FrameInfo(int level, long pc, long lookupPc, long cfa, String function, String file, int line) {
}
