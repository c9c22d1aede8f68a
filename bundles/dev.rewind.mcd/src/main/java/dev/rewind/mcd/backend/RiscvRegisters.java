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

    private record Csr(int number, boolean rv32Only) {
        String name() {
            return dev.rewind.emulator.isa.Names.csr(number);
        }
    }

    /** The machine-mode CSRs the engine implements (names from the project's one table). */
    private static final List<Csr> CSRS = csrs();

    private static List<Csr> csrs() {
        List<Csr> l = new ArrayList<>();
        for (int n : new int[] {0x300, 0x301, 0x304, 0x305, 0x306, 0x30A, 0x320, 0x340, 0x341, 0x342, 0x343, 0x344}) {
            l.add(new Csr(n, false));
        }
        l.add(new Csr(0x310, true)); // mstatush
        l.add(new Csr(0x31A, true)); // menvcfgh
        for (int i = 0; i < 4; i++) {
            l.add(new Csr(0x3A0 + i, (i & 1) == 1)); // pmpcfg1 and pmpcfg3 exist on RV32 only
        }
        for (int i = 0; i < 16; i++) {
            l.add(new Csr(0x3B0 + i, false));
        }
        for (int n = 0x7A0; n <= 0x7A4; n++) {
            l.add(new Csr(n, false)); // tselect, tdata1..3, tinfo
        }
        for (int n : new int[] {0xB00, 0xB02}) {
            l.add(new Csr(n, false));
        }
        l.add(new Csr(0xB80, true));
        l.add(new Csr(0xB82, true));
        for (int n = 0xF11; n <= 0xF15; n++) {
            l.add(new Csr(n, false));
        }
        l.sort(java.util.Comparator.comparingInt(Csr::number));
        return List.copyOf(l);
    }

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
                csr.add(info(CSR_BASE + c.number, GROUP_CSR, c.name()));
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
