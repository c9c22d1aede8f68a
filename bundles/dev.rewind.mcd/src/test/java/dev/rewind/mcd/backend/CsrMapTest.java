package dev.rewind.mcd.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Names;
import dev.rewind.mcd.api.*;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSR register group lists what the engine implements, PMP and the trigger module included, and all of it reads. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CsrMapTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void everyListedCsrReadsAndTheDebugCsrsAreThere(int xlen) throws Exception {
        Guest g = Guest.of("hello-rv" + xlen + ".elf", 1);
        McdCore core = BackendTest.open(g.api, 0);
        List<RegisterInfo> csrs = core.qryRegMap(RiscvRegisters.GROUP_CSR, 0, 1000).items();
        List<String> names = csrs.stream().map(RegisterInfo::regName).toList();
        assertThat(names).contains("tselect", "tdata1", "tdata2", "tdata3", "tinfo", "pmpcfg0", "pmpcfg2",
                "pmpaddr0", "pmpaddr15", "mcountinhibit", "menvcfg", "mhartid");
        if (xlen == 32) {
            assertThat(names).contains("pmpcfg1", "pmpcfg3", "mstatush", "mcycleh", "minstreth");
        } else {
            assertThat(names).doesNotContain("pmpcfg1", "pmpcfg3", "mstatush", "mcycleh", "minstreth");
        }
        for (RegisterInfo r : csrs) {
            long csr = r.addr().address() - RiscvRegisters.CSR_BASE;
            assertThat(r.regName()).isEqualTo(Names.csr((int) csr));
            TxList read = core.executeTxlist(TxList.of(Tx.read(r.addr(), xlen / 8)));
            assertThat(read.numTxOk()).as(r.regName()).isEqualTo(1);
        }
        assertThat(csrs).isSortedAccordingTo((a, b) -> Long.compare(a.addr().address(), b.addr().address()));
        // a debugger write to a PMP address register reads back (pmpaddr holds address bits 33:2 on RV32)
        int pmpaddr0 = RiscvRegisters.CSR_BASE + 0x3B0;
        Guest.setReg(core, pmpaddr0, 0x2000_0400L);
        assertThat(Guest.reg(core, pmpaddr0)).isEqualTo(0x2000_0400L);
    }
}
