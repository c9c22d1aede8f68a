package dev.rewind.dap;

import java.util.Optional;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.lsp4j.debug.StackFrame;

/** Line tables of the program: stepping by line, source positions of frames and of disassembled instructions. */
public interface LineInfo {

    /** The half-open address range {@code [lo, hi)} of the source line holding {@code pc}. */
    Optional<long[]> lineRange(long pc);

    /** Sets the frame's source, line and column (line 0 and no source where there is no line info). */
    default void placeFrame(DapContext context, StackFrame sf, Frame f) {
        sf.setLine(0);
        sf.setColumn(0);
    }

    /** Sets the instruction's location and line, where known. */
    default void placeInstruction(DapContext context, DisassembledInstruction d, long address) {
    }

    /** The addresses where code of {@code file:line} starts (empty where unknown). */
    default java.util.List<Long> addresses(String file, int line) {
        return java.util.List.of();
    }

    /** No line information: stepping falls back to instructions, frames show disassembly. */
    LineInfo NONE = pc -> Optional.empty();
}
