package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.RegType;
import dev.rewind.mcd.api.RegisterGroup;
import dev.rewind.mcd.api.RegisterInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The register description of one RISC-V hart, numbered as GDB numbers RISC-V registers
 * (x0..x31 → 0..31, pc → 32, CSR n → 65 + n): these numbers are the addresses in the
 * register memory space. Group 1 is {@code org.gnu.gdb.riscv.cpu}, group 2
 * {@code org.gnu.gdb.riscv.csr}, named after GDB's target-description features. Register names come from the
 * project's one table, {@link dev.rewind.emulator.isa.Names} (x8 is {@code s0}).
 */
final class RiscvRegisters {
    static final int PC = 32;
    static final int CSR_BASE = 65;
    static final int GROUP_CPU = 1;
    static final int GROUP_CSR = 2;

    private record Csr(int number, String name, boolean rv32Only) {
    }

    private static final List<Csr> CSRS = List.of(new Csr(0x300, "mstatus", false), new Csr(0x301, "misa", false),
            new Csr(0x304, "mie", false), new Csr(0x305, "mtvec", false), new Csr(0x306, "mcounteren", false),
            new Csr(0x340, "mscratch", false), new Csr(0x341, "mepc", false), new Csr(0x342, "mcause", false),
            new Csr(0x343, "mtval", false), new Csr(0x344, "mip", false), new Csr(0xB00, "mcycle", false),
            new Csr(0xB02, "minstret", false), new Csr(0xB80, "mcycleh", true), new Csr(0xB82, "minstreth", true),
            new Csr(0xF11, "mvendorid", false), new Csr(0xF12, "marchid", false), new Csr(0xF13, "mimpid", false),
            new Csr(0xF14, "mhartid", false));

    private final int xlen;
    private final int regMemSpaceId;
    private final int hart;
    private final List<RegisterInfo> cpu = new ArrayList<>();
    private final List<RegisterInfo> csr = new ArrayList<>();

    RiscvRegisters(int xlen, int regMemSpaceId, int hart) {
        this.xlen = xlen;
        this.regMemSpaceId = regMemSpaceId;
        this.hart = hart;
        for (int i = 0; i < 32; i++) {
            cpu.add(info(i, GROUP_CPU, dev.rewind.emulator.isa.Names.reg(i)));
        }
        cpu.add(info(PC, GROUP_CPU, "pc"));
        for (Csr c : CSRS) {
            if (!c.rv32Only || xlen == 32) {
                csr.add(info(CSR_BASE + c.number, GROUP_CSR, c.name));
            }
        }
    }

    private RegisterInfo info(int number, int group, String name) {
        return new RegisterInfo(Addr.of(regMemSpaceId, number), group, name, xlen, 0, 0, false, false,
                RegType.SIMPLE, hart);
    }

    List<RegisterGroup> groups() {
        return List.of(new RegisterGroup(GROUP_CPU, "org.gnu.gdb.riscv.cpu", cpu.size()),
                new RegisterGroup(GROUP_CSR, "org.gnu.gdb.riscv.csr", csr.size()));
    }

    /** Registers of a group, or null if there is no such group. */
    List<RegisterInfo> group(int id) {
        return switch (id) {
            case GROUP_CPU -> cpu;
            case GROUP_CSR -> csr;
            default -> null;
        };
    }

    /** Whether {@code number} names a register of this hart. */
    boolean exists(long number) {
        if (number >= 0 && number <= PC) {
            return true;
        }
        for (RegisterInfo r : csr) {
            if (r.addr().address() == number) {
                return true;
            }
        }
        return false;
    }

    /** Largest register number (the register memory space's max address). */
    long maxNumber() {
        return csr.get(csr.size() - 1).addr().address();
    }

    int bytes() {
        return xlen / 8;
    }
}
