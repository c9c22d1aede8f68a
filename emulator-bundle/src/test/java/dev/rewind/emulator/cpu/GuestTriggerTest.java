package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.cpu.TestMachines.RAM;
import static dev.rewind.emulator.cpu.TestMachines.x;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guest's trigger module (Sdtrig): CSR WARL rules, execute/load/store address and data matches raising
 * breakpoint exceptions with mtval = the address, M-mode re-entrancy (MIE), and independence from the debugger's
 * own breakpoints and watchpoints, across time travel.
 */
class GuestTriggerTest {

    /** A handler at RAM+4 counting traps in s9, keeping mcause in s10 and mtval in s11, skipping the instruction. */
    static final String SKIP = "jal zero,main\nhandler: csrrs s10,mcause,zero\ncsrrs s11,mtval,zero\naddi s9,s9,1\n"
            + "csrrs t6,mepc,zero\naddi t6,t6,4\ncsrrw zero,mepc,t6\nmret\nmain:\n";
    static final long DATA = RAM + 0x2000;

    static Machine run(int xlen, String body) {
        Machine m = TestMachines.boot(xlen, 1, 1000, SKIP + body + "\n" + TestMachines.EXIT);
        var r = m.run(100_000);
        assertThat(r.reason()).as("program exits").isEqualTo(StopReason.EXITED);
        return m;
    }

    static String type(int xlen, int t) {
        return "addi t0,zero," + t + "\nslli t0,t0," + (xlen - 4) + "\n";
    }

    /** Loads {@code v} (below 2^32) into {@code reg}: lui/addi, zero-extended on RV64. */
    static String li(int xlen, String reg, long v) {
        long hi = (v + 0x800) >> 12;
        long lo = v - (hi << 12);
        String s = "lui " + reg + "," + (hi & 0xFFFFF) + "\naddi " + reg + "," + reg + "," + lo + "\n";
        return xlen == 64 ? s + "slli " + reg + "," + reg + ",32\nsrli " + reg + "," + reg + ",32\n" : s;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void csrsFollowTheirWarlRules(int xlen) {
        long top = xlen - 4;
        Machine m = run(xlen, "csrrs a0,0x7a4,zero\ncsrrs a1,0x7a1,zero\naddi t0,zero,3\ncsrrw zero,0x7a0,t0\n"
                + "addi t0,zero,4\ncsrrw zero,0x7a0,t0\ncsrrs a2,0x7a0,zero\ncsrrw zero,0x7a0,zero\n"
                + type(xlen, 3) + "ori t0,t0,0x44\ncsrrw zero,0x7a1,t0\ncsrrs a3,0x7a1,zero\n"
                + "addi t0,zero,-1\ncsrrw zero,0x7a2,t0\ncsrrs a4,0x7a2,zero\ncsrrw zero,0x7a3,t0\ncsrrs a5,0x7a3,zero\n"
                + type(xlen, 6) + "addi t1,zero,-1\nsrli t1,t1,5\nor t0,t0,t1\ncsrrw zero,0x7a1,t0\ncsrrs a6,0x7a1,zero\n"
                + "csrrw zero,0x7a1,zero\ncsrrs a7,0x7a1,zero\n" + type(xlen, 2) + "addi t1,zero,-1\nsrli t1,t1,5\n"
                + "or t0,t0,t1\ncsrrw zero,0x7a1,t0\ncsrrs s2,0x7a1,zero\n");
        long xm = xlen == 32 ? 0xFFFFFFFFL : -1L;
        assertThat(x(m, "s9")).as("no trap").isZero();
        assertThat(x(m, "a0")).as("tinfo: version 1, types 2, 6 and 15").isEqualTo(0x01008044L);
        assertThat(x(m, "a1") & xm).as("reset: disabled (type 15)").isEqualTo(15L << top);
        assertThat(x(m, "a2")).as("tselect keeps 3 when written 4 (4 triggers)").isEqualTo(3);
        assertThat(x(m, "a3") & xm).as("unsupported type 3: disabled, type 15").isEqualTo(15L << top);
        assertThat(x(m, "a4") & xm).as("tdata2 takes any value").isEqualTo(xm);
        assertThat(x(m, "a5")).as("tdata3: no textra, zero").isZero();
        // every low bit set: dmode, uncertain, hit1, vs, vu, hit0, action, chain, s, uncertainen read zero;
        // select, size 7 (unsupported: 0), match 15 (reserved: 0), m, u, execute, store, load stay
        assertThat(x(m, "a6") & xm).as("mcontrol6 legalised").isEqualTo((6L << top) | (1L << 21) | 0x4F);
        assertThat(x(m, "a7") & xm).as("writing 0 disables (type 15)").isEqualTo(15L << top);
        assertThat(x(m, "s2") & xm).as("mcontrol: sizelo, m, u, execute, store, load; match 15 -> 0")
                .isEqualTo((2L << top) | (3L << 16) | 0x4F);
    }

    private static String arm(int xlen, int type, long bits, String addrReg) {
        return "csrrw zero,0x7a1,zero\ncsrrw zero,0x7a2," + addrReg + "\n" + type(xlen, type) + li(xlen, "t1", bits)
                + "or t0,t0,t1\ncsrrw zero,0x7a1,t0\n";
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void executeTriggerFiresBeforeTheInstruction(int xlen) {
        Machine m = run(xlen, arm(xlen, 6, 0x44, "zero") + "csrrsi zero,mstatus,8\nauipc t2,0\naddi t2,t2,16\n"
                + "csrrw zero,0x7a2,t2\naddi a0,zero,1\naddi a1,zero,1\naddi a2,zero,1\n");
        assertThat(x(m, "s9")).as("one breakpoint").isEqualTo(1);
        assertThat(x(m, "s10")).as("mcause").isEqualTo(3);
        assertThat(x(m, "s11")).as("mtval = pc of the matched instruction").isEqualTo(x(m, "t2"));
        assertThat(x(m, "a0") + x(m, "a1") + x(m, "a2")).as("the matched one was skipped").isEqualTo(2);
        assertThat(x(m, "a1")).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void mModeTriggersWaitForMie(int xlen) {
        Machine m = run(xlen, li(xlen, "t2", DATA) + arm(xlen, 6, 0x41, "t2") + "lw a0,0(t2)\ncsrrsi zero,mstatus,8\n"
                + "lw a1,0(t2)\nlw a2,4(t2)\nlb a3,3(t2)\nlb a4,-1(t2)\n");
        assertThat(x(m, "s9")).as("MIE=0: none; MIE=1: the word at the address, not the bytes and words beside it")
                .isEqualTo(1);
        assertThat(x(m, "s11") & 0xFFFFFFFFL).isEqualTo(DATA);
        assertThat(x(m, "s10")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void loadStoreAddressAndDataMatches(int xlen) {
        String prog = li(xlen, "t2", DATA) + "csrrsi zero,mstatus,8\n"
                + arm(xlen, 6, 0x42 | (3 << 16), "t2")          // store, 32-bit accesses only
                + "sb zero,0(t2)\nsw zero,0(t2)\n"              // the byte store does not match, the word does
                + "addi s2,s9,0\n"
                + "addi t3,zero,0x55\n" + arm(xlen, 6, 0x42 | (1 << 21), "t3")   // store data == 0x55
                + "addi t4,zero,0x54\nsw t4,8(t2)\naddi t4,zero,0x55\nsw t4,12(t2)\n"
                + "addi s3,s9,0\naddi s4,s11,0\n"
                + "csrrw zero,0x7a1,zero\nsw t4,16(t2)\nsw t4,8(t2)\naddi t4,zero,0x54\nsw t4,8(t2)\n"
                + arm(xlen, 6, 0x41 | (1 << 21), "t3")   // load data == 0x55
                + "lw a0,16(t2)\nlw a1,8(t2)\n";
        Machine m = run(xlen, prog);
        assertThat(x(m, "s2")).as("size filter: only the word store").isEqualTo(1);
        assertThat(x(m, "s3")).as("data match on the stored value").isEqualTo(2);
        assertThat(x(m, "s4") & 0xFFFFFFFFL).as("mtval = the store's address").isEqualTo(DATA + 12);
        assertThat(m.readCsr(0, 0x343)).as("load data match: mtval").isEqualTo(DATA + 16);
        assertThat(x(m, "a0")).as("rd unchanged when a load data trigger fires").isZero();
        assertThat(x(m, "a1")).isEqualTo(0x54);
        byte[] b = new byte[4];
        m.readMemory(DATA + 12, b, 0, 4);
        assertThat(b[0]).as("the matched store did not happen").isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void uModeTriggersAndNapot(int xlen) {
        String toUser = "addi t0,zero,-1\ncsrrw zero,0x3b0,t0\naddi t0,zero,0x1f\ncsrrw zero,0x3a0,t0\n"
                + "auipc t0,0\naddi t0,t0,16\ncsrrw zero,mepc,t0\nmret\n";
        // NAPOT over 16 bytes at DATA+0x10 (tdata2 = base | 7), u and load and store
        Machine m = run(xlen, li(xlen, "t2", DATA + 0x17) + arm(xlen, 6, 0x0B | (1 << 7), "t2") + toUser
                + li(xlen, "t3", DATA) + "lw a0,0(t3)\nlw a0,16(t3)\nsw a0,28(t3)\nlw a0,32(t3)\necall\n");
        assertThat(x(m, "s9")).as("two inside the NAPOT range, then the ecall").isEqualTo(3);
        assertThat(x(m, "s10")).as("ecall from U last").isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void debuggerWatchpointAndGuestTriggerOnOneAddressBothWork(int xlen) {
        String prog = SKIP + li(xlen, "t2", DATA) + "csrrsi zero,mstatus,8\n" + arm(xlen, 6, 0x42, "t2")
                + "addi t4,zero,7\nsw t4,0(t2)\ncsrrw zero,0x7a1,zero\nsw t4,0(t2)\naddi a0,zero,1\n"
                + TestMachines.EXIT;
        Machine m = TestMachines.boot(xlen, 1, 1000, prog);
        m.addWatchpoint(DATA, 4, WatchKind.WRITE);
        var r = m.run(100_000);
        assertThat(r.reason()).as("the debugger's watchpoint stops the second store").isEqualTo(StopReason.WATCHPOINT);
        assertThat(x(m, "s9")).as("the guest's trigger fired on the first store (no write: no watch hit)")
                .isEqualTo(1);
        assertThat(x(m, "s11") & 0xFFFFFFFFL).isEqualTo(DATA);
        assertThat(m.readCsr(0, 0x7a1) >>> (xlen - 4) & 0xF).as("guest state untouched by the debugger").isEqualTo(15);
        m.removeWatchpoint(DATA, 4, WatchKind.WRITE);
        assertThat(m.run(100_000).reason()).isEqualTo(StopReason.EXITED);
        assertThat(x(m, "a0")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void timeTravelReplaysGuestTriggersExactly(int xlen) {
        String loop = li(xlen, "t2", DATA) + "csrrsi zero,mstatus,8\n" + arm(xlen, 6, 0x43, "t2")
                + "addi s5,zero,400\nloop: lw a0,0(t2)\naddi a0,a0,1\nsw a0,4(t2)\naddi t2,t2,4\nandi t3,s5,15\n"
                + "bne t3,zero,skip\n" + li(xlen, "t2", DATA) + "skip: addi s5,s5,-1\nbne s5,zero,loop\n";
        Machine ref = TestMachines.boot(xlen, 1, 1000, SKIP + loop + TestMachines.EXIT);
        long[] hashes = new long[40];
        for (int i = 0; i < hashes.length; i++) {
            ref.runUntilTime(i * 50L);
            hashes[i] = ref.stateHash();
        }
        assertThat(ref.run(100_000).reason()).isEqualTo(StopReason.EXITED);
        assertThat(x(ref, "s9")).as("the load trigger fired on every pass over DATA").isGreaterThan(5);
        TimeMachine tm = new TimeMachine(TestMachines.boot(xlen, 1, 1000, SKIP + loop + TestMachines.EXIT),
                TravelConfig.defaults().withInterval(300));
        tm.goToTime(1_950);
        for (int i : new int[] {7, 39, 0, 23, 11, 38, 12}) {
            tm.goToTime(i * 50L);
            assertThat(tm.machine().stateHash()).as("state at time %d", i * 50).isEqualTo(hashes[i]);
        }
    }
}
