package dev.rewind.mcd.backend;

/** Fixed ids of Rewind's MCD topology. */
final class Layout {
    private Layout() {
    }

    static final String SYSTEM = "Rewind";
    static final String SERVER = "Rewind";
    /** Memory space 1: the physical bus (RAM and MMIO), shared by all harts. */
    static final int MEM_PHYSICAL = 1;
    /** Memory space 2: this hart's registers, addressed by GDB register number. */
    static final int MEM_REGISTERS = 2;
    /**
     * Memory space 3: this core's logical view (MCD_MEM_SPACE_IS_LOGICAL), addresses as the hart's loads, stores and
     * fetches see them. Without an MMU it equals the physical space; tools written for QEMU's MCD stub address
     * memory, triggers and steps through exactly one such space per core.
     */
    static final int MEM_LOGICAL = 3;

    /** True for the spaces that address memory (physical, logical); identical while there is no MMU. */
    static boolean isMemory(int memSpaceId) {
        return memSpaceId == MEM_PHYSICAL || memSpaceId == MEM_LOGICAL;
    }
    /** Reset class bit 0: system reset (all harts, devices, memory reloaded). */
    static final int RST_SYSTEM = 1;
    /** Reset class bit 1: reset of this core's hart only. */
    static final int RST_HART = 2;
    /** ELF e_machine of RISC-V, used as core-type. */
    static final int EM_RISCV = 243;
    /** Channel id of the UART console. */
    static final int CHL_CONSOLE = 1;
    /** Trace id of a core's instruction trace. */
    static final int TRACE_INSN = 1;
}
