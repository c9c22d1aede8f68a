package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.debug.StopReason;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stub on the wire with a bare client: acks, NAKs and retransmission, no-ack mode, garbage and malformed
 * packets (error or empty replies, never a dead stub), and clients that vanish mid-packet or mid-run.
 */
@Timeout(60)
class ProtocolRobustnessTest {

    @Test
    void acksNaksAndErrorsKeepTheStubServing() throws Exception {
        try (Stub stub = new Stub("hello-rv32.elf", 2); RawClient c = new RawClient(stub.port())) {
            c.raw("+");
            c.raw("$g#00");                               // bad checksum: NAK
            assertThat(c.next()).isEqualTo('-');
            c.send("qfThreadInfo");
            assertThat(c.next()).isEqualTo('+');
            assertThat(c.packet()).isEqualTo("m1,2");
            c.raw("-");                                   // gdb asks for the last reply again
            assertThat(c.packet()).isEqualTo("m1,2");
            c.raw("garbage\r\n\u0000\u00ff");               // noise between packets is skipped
            assertThat(c.ask("qsThreadInfo")).isEqualTo("l");
            assertThat(c.ask("qNoSuchThing")).isEmpty();  // unknown: the empty reply
            assertThat(c.ask("vNoSuchThing")).isEmpty();
            assertThat(c.ask("m80000000")).startsWith("E");
            assertThat(c.ask("mzz,4")).startsWith("E");
            assertThat(c.ask("p9999")).startsWith("E");
            assertThat(c.ask("P20=12")).startsWith("E");
            assertThat(c.ask("Z9,80000000,4")).startsWith("E");
            assertThat(c.ask("Z2,80000000,0")).startsWith("E");
            assertThat(c.ask("Hg99")).startsWith("E");
            assertThat(c.ask("H")).startsWith("E");
            assertThat(c.ask("T9")).startsWith("E");
            assertThat(c.ask("X80000000,4:ab")).startsWith("E");
            assertThat(c.ask("vCont;q")).startsWith("E");
            assertThat(c.ask("vCont;s:9")).startsWith("E");
            assertThat(c.ask("qXfer:features:read:other.xml:0,100")).startsWith("E");
            assertThat(c.ask("qRcmd,7a7a")).startsWith("E");   // "zz": unknown monitor command
            c.raw("$" + "m".repeat(GdbConnection.PACKET_SIZE + 10) + "#00"); // oversized: NAK
            assertThat(c.next()).isEqualTo('-');
            assertThat(c.ask("m80000000,4")).hasSize(8);
            assertThat(c.ask("QStartNoAckMode")).isEqualTo("OK");
            int acks = c.acks;
            assertThat(c.ask("qC")).isEqualTo("QC1");
            assertThat(c.ask("qAttached")).isEqualTo("1");
            assertThat(c.acks).as("acks after QStartNoAckMode").isEqualTo(acks);
            assertThat(stub.session.ended()).isFalse();
        }
    }

    @Test
    void theTargetDescriptionAndMemoryMapAreServedInPieces() throws Exception {
        try (Stub stub = new Stub("hello-rv32.elf", 1); RawClient c = new RawClient(stub.port())) {
            c.raw("+");
            StringBuilder xml = new StringBuilder();
            String piece;
            do {
                piece = c.ask("qXfer:features:read:target.xml:" + Integer.toHexString(xml.length()) + ",100");
                xml.append(piece, 1, piece.length());
            } while (piece.startsWith("m"));
            assertThat(piece).startsWith("l");
            assertThat(xml.toString()).contains("<architecture>riscv:rv32</architecture>",
                    "<feature name=\"org.gnu.gdb.riscv.cpu\">", "name=\"fp\" bitsize=\"32\" regnum=\"8\"",
                    "<feature name=\"org.gnu.gdb.riscv.csr\">",
                    "name=\"mhartid\" bitsize=\"32\" regnum=\"" + (65 + 0xf14) + "\"")
                    .endsWith("</target>\n");
            assertThat(c.ask("qXfer:memory-map:read::0,1000")).startsWith("l")
                    .contains("start=\"0x80000000\" length=\"0x8000000\"");
            assertThat(c.ask("qXfer:threads:read::0,1000")).contains("name=\"hart 0\"");
        }
    }

    @Test
    void aClientThatVanishesMidPacketOrMidRunLeavesTheSessionUsable() throws Exception {
        try (Stub stub = new Stub("ttbench-rv32.elf", 2)) {
            try (RawClient c = new RawClient(stub.port())) {
                c.raw("+$m8000");                          // cut off inside a packet
            }
            try (RawClient c = new RawClient(stub.port())) {
                c.raw("+");
                assertThat(c.ask("Z0,80000000,4")).isEqualTo("OK");
                assertThat(c.ask("Z2,80002000,4")).isEqualTo("OK");
                assertThat(stub.session.breakpoints().get(10, TimeUnit.SECONDS)).hasSize(2);
                c.send("vCont;c");
                assertThat(c.next()).isEqualTo('+');
            }                                             // gone while the machine runs
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!stub.session.breakpoints().get(10, TimeUnit.SECONDS).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(stub.session.breakpoints().get(10, TimeUnit.SECONDS)).as("the client's triggers").isEmpty();
            try (RawClient c = new RawClient(stub.port())) {
                c.raw("+");
                // connecting stops a running machine (all-stop): the reply says where. The machine may also have
                // stopped at the vanished client's breakpoint or watchpoint before its triggers were removed.
                assertThat(c.ask("?")).startsWith("T");
                assertThat(stub.session.running()).isFalse();
                assertThat(stub.session.lastStop().reason()).isIn(StopReason.PAUSE, StopReason.ENTRY,
                        StopReason.BREAKPOINT, StopReason.WATCHPOINT);
                assertThat(c.ask("vCont;s:1")).startsWith("T05thread:1;");
                assertThat(c.ask("bs")).startsWith("T05thread:1;");
            }
            assertThat(stub.session.ended()).isFalse();
        }
    }
}
