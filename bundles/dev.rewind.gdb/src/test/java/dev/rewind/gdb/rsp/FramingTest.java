package dev.rewind.gdb.rsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Packets on the wire, byte for byte: checksums, escapes, run-length encoding, acks and interrupts. */
@Timeout(10)
class FramingTest {

    private static String frame(String payload) {
        return new String(Framing.frame(payload), StandardCharsets.ISO_8859_1);
    }

    private static List<Inbound> read(String wire, int max) throws IOException {
        PacketReader r = new PacketReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)), max);
        List<Inbound> items = new ArrayList<>();
        Inbound i;
        do {
            i = r.next();
            items.add(i);
        } while (!(i instanceof Inbound.Eof));
        return items;
    }

    @Test
    void goldenPackets() {
        assertThat(frame("OK")).isEqualTo("$OK#9a");
        assertThat(frame("")).isEqualTo("$#00");
        assertThat(frame("T05thread:1;")).isEqualTo("$T05thread:1;#d7");
        // '#', '$', '}' and '*' escaped as '}' + (byte ^ 0x20); checksum over the escaped bytes
        assertThat(frame("a#b")).isEqualTo("$a}\u0003b#" + String.format("%02x", ('a' + '}' + 3 + 'b') & 0xff));
        assertThat(frame("}$*")).isEqualTo("$}]}\u0004}\n#" + String.format("%02x", ('}' * 3 + ']' + 4 + 10) & 0xff));
    }

    @Test
    void runLengthEncoding() {
        assertThat(frame("0000")).isEqualTo("$0* #" + String.format("%02x", ('0' + '*' + ' ') & 0xff));
        assertThat(frame("000")).isEqualTo("$000#90");
        // 7 and 8 in a row would need '#' or '$' as the count: 5 repeats then plain characters
        assertThat(body(frame("xxxxxxx"))).isEqualTo("x*\"x");
        assertThat(body(frame("xxxxxxxx"))).isEqualTo("x*\"xx");
        for (int n = 1; n < 300; n++) {
            String run = "ab" + "0".repeat(n) + "c";
            byte[] raw = body(frame(run)).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(Framing.decode(raw, raw.length)).as("run of %d", n).isEqualTo(run);
            assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("#", "$");
        }
    }

    private static String body(String packet) {
        return packet.substring(1, packet.length() - 3);
    }

    @Test
    void readsPacketsAcksAndInterrupts() throws IOException {
        List<Inbound> items = read("+$qSupported:swbreak+#8b\u0003-\n$g#67", 4096);
        assertThat(items).containsExactly(new Inbound.Ack(true), new Inbound.Packet("qSupported:swbreak+"),
                new Inbound.Interrupt(), new Inbound.Ack(false), new Inbound.Packet("g"), new Inbound.Eof());
    }

    @Test
    void decodesEscapesAndRunsInIncomingPackets() throws IOException {
        String body = "X80000000,3:}\u0003a*!";
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum += c;
        }
        List<Inbound> items = read("$" + body + "#" + String.format("%02x", sum & 0xff), 4096);
        assertThat(items.get(0)).isEqualTo(new Inbound.Packet("X80000000,3:#aaaaa"));
    }

    @Test
    void badChecksumsAndOversizedPacketsAreCorruptNotFatal() throws IOException {
        List<Inbound> items = read("$g#00$OK#zz$" + "m".repeat(100) + "#" + String.format("%02x", 'm' * 100 & 0xff)
                + "$?#3f", 64);
        assertThat(items.get(0)).isInstanceOf(Inbound.Corrupt.class);
        assertThat(((Inbound.Corrupt) items.get(0)).why()).contains("expected 67");
        assertThat(items.get(1)).isInstanceOf(Inbound.Corrupt.class);
        assertThat(((Inbound.Corrupt) items.get(2)).why()).contains("longer than 64");
        assertThat(items.get(3)).isEqualTo(new Inbound.Packet("?"));
    }

    @Test
    void cutOffPacketsAndBadRunsAreHandled() throws IOException {
        assertThat(read("$g#6", 64)).containsExactly(new Inbound.Eof());
        assertThat(read("$qC$g#67", 64)).containsExactly(new Inbound.Packet("g"), new Inbound.Eof());
        List<Inbound> items = read("$*#2a", 64);
        assertThat(items.get(0)).isInstanceOf(Inbound.Corrupt.class);
    }

    @Test
    void writerAcksAndRetransmits() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter w = new PacketWriter(out);
        w.ack(true);
        w.send("OK");
        w.ack(false);
        w.resend();
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("+$OK#9a-$OK#9a");
    }

    @Test
    void hexHelpers() {
        StringBuilder sb = new StringBuilder();
        Hex.appendLittleEndian(sb, 0x80000124L, 4);
        assertThat(sb).hasToString("24010080");
        assertThat(Hex.littleEndian("24010080", 0, 4)).isEqualTo(0x80000124L);
        assertThat(Hex.littleEndian("ffffffffffffffff", 0, 8)).isEqualTo(-1L);
        assertThat(Hex.encode("hart 1")).isEqualTo("686172742031");
        assertThat(Hex.decode("4f4b")).containsExactly('O', 'K');
        assertThat(Hex.parse("ffffffff80000000")).isEqualTo(0xffffffff80000000L);
        assertThatThrownBy(() -> Hex.parse("12g")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Hex.parse("")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Hex.parse("1".repeat(17))).isInstanceOf(ProtocolException.class);
    }
}
