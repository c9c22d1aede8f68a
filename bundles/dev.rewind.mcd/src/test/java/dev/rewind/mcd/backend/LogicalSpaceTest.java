package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.BackendTest.image;
import static dev.rewind.mcd.backend.BackendTest.open;
import static dev.rewind.mcd.backend.BackendTest.readReg;
import static dev.rewind.mcd.backend.BackendTest.runToStop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.CreatedTrigger;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.MemSpace;
import dev.rewind.mcd.api.MemType;
import dev.rewind.mcd.api.StepType;
import dev.rewind.mcd.api.TrigSimpleCore;
import dev.rewind.mcd.api.TrigType;
import dev.rewind.mcd.api.Tx;
import dev.rewind.mcd.api.TxList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The logical memory space (MCD_MEM_SPACE_IS_LOGICAL) as tools written for QEMU's MCD stub use it: found by its
 * flag, exactly one per core, memory written and read through it, breakpoints, watchpoints and steps in it.
 */
@Timeout(60)
class LogicalSpaceTest {

    static int logicalSpace(McdCore core) throws Exception {
        List<MemSpace> all = core.qryMemSpaces(0, core.qryMemSpaces(0, 0).count()).items();
        List<MemSpace> logical = all.stream().filter(m -> (m.memType() & MemType.LOGICAL.bit()) != 0).toList();
        assertThat(logical).as("exactly one logical space").hasSize(1);
        assertThat(all).extracting(MemSpace::memSpaceId).as("numbered from 1").doesNotContain(0);
        return logical.get(0).memSpaceId();
    }

    @Test
    void clientsWorkThroughTheLogicalSpace() throws Exception {
        ElfImage img = image("hello-rv32.elf");
        long main = img.symbol("main").orElseThrow().value();
        McdApi api = McdBackend.builder(img).harts(4).build();
        for (int k = 0; k < 4; k++) {
            logicalSpace(open(api, k));
        }
        McdCore core = open(api, 0);
        int ls = logicalSpace(core);
        // memory: written through the logical space, seen in the physical one (no MMU: the same addresses)
        Addr scratch = Addr.of(ls, 0x8010_0000L);
        core.executeTxlist(TxList.of(Tx.write(scratch, new byte[] {9, 8, 7, 6})));
        assertThat(core.executeTxlist(TxList.of(Tx.read(Addr.of(Layout.MEM_PHYSICAL, 0x8010_0000L), 4))).tx().get(0)
                .data()).containsExactly(9, 8, 7, 6);
        byte[] code = core.executeTxlist(TxList.of(Tx.read(Addr.of(ls, main), 4))).tx().get(0).data();
        assertThat(code).isEqualTo(core.executeTxlist(TxList.of(Tx.read(Addr.of(Layout.MEM_PHYSICAL, main), 4)))
                .tx().get(0).data());
        // a breakpoint in the logical space stops there, and steps go on from it
        CreatedTrigger bp = core.createTrig(TrigSimpleCore.breakpoint(ls, main));
        runToStop(core);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.DEBUG);
        assertThat(core.qryState().trigId()).isEqualTo(bp.trigId());
        assertThat(readReg(core, RiscvRegisters.PC)).isEqualTo(main);
        core.step(false, StepType.INSTR, 2);
        assertThat(readReg(core, RiscvRegisters.PC)).isNotEqualTo(main);
        core.removeTrig(bp.trigId());
        // a write watchpoint in the logical space on hello's ticket: stops at the store that hands the turn on
        long ticket = img.symbol("ticket").orElseThrow().value();
        CreatedTrigger wp = core.createTrig(TrigSimpleCore.watchpoint(TrigType.WRITE, ls, ticket, 4));
        runToStop(core);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.DEBUG);
        assertThat(core.qryState().trigId()).isEqualTo(wp.trigId());
        assertThat(core.qryTrig(wp.trigId())).isInstanceOfSatisfying(TrigSimpleCore.class,
                t -> assertThat(t.addrStart().memSpaceId()).isEqualTo(ls));
    }
}
