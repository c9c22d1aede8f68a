package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recording format version 2 (debugger writes): round trip, every damaged byte refused, well-checksummed but
 * impossible write records refused by name, version 1 files still read, newer versions refused clearly, and a
 * replay that diverges at a write reported there.
 */
class RecordingFormatTest {

    static final MachineConfig CFG = new MachineConfig(64, 4, 1 << 20, 7);

    static Recording sample() {
        return new Recording("/x/prog.elf", new byte[32], CFG, List.of(new InputLog.Entry(0, 'h')),
                List.of(new WriteEvent(5, DebuggerWrite.memory(0x8000_0000L, new byte[] {1, 2, 3}), 11),
                        new WriteEvent(5, DebuggerWrite.register(3, 7, -2), 12),
                        new WriteEvent(9, DebuggerWrite.csr(1, 0x340, 0x55), 13),
                        new WriteEvent(9, DebuggerWrite.pc(0, 0x8000_0010L), 14),
                        new WriteEvent(20, DebuggerWrite.hartReset(2, 0x8000_0000L), 15)),
                List.of(new Bookmark("a", "first", 10)), 1234, 0xDEADBEEFL, "EXITED");
    }

    /** Offset of the first write record's kind byte in {@link #sample()}'s file. */
    static int firstWriteKind() {
        return 8 + 4 + 8 + 4 + "/x/prog.elf".length() + 32 + 4 + 4 + 8 + 4 + 4 + 9 + 4 + 8;
    }

    static byte[] resealed(byte[] bytes) {
        byte[] sum = RecordingWriter.sha256(Arrays.copyOf(bytes, bytes.length - 32));
        System.arraycopy(sum, 0, bytes, bytes.length - 32, 32);
        return bytes;
    }

    @Test
    void writesRoundTripAndEveryFlippedByteIsRefused() throws Exception {
        byte[] bytes = RecordingWriter.encode(sample());
        assertThat(ByteBuffer.wrap(bytes, 8, 4).getInt()).isEqualTo(2);
        Recording back = RecordingReader.decode("s", bytes);
        assertThat(back).isEqualTo(sample());
        assertThat(back.writes().get(1).write().value()).isEqualTo(-2);
        assertThat(back.writes().get(0).write()).hasToString("memory 0x80000000 = 010203");
        for (int i = 0; i < bytes.length; i++) {
            byte[] bad = bytes.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> RecordingReader.decode("s", bad)).isInstanceOf(RecordingException.class);
        }
    }

    @Test
    void aCorruptWriteRecordIsRefusedByName() {
        int kind = firstWriteKind();
        byte[] good = RecordingWriter.encode(sample());
        assertThat(good[kind]).isEqualTo((byte) 1);
        byte[] unknownKind = good.clone();
        unknownKind[kind] = 9;
        assertThatThrownBy(() -> RecordingReader.decode("s", resealed(unknownKind)))
                .isInstanceOf(RecordingException.class)
                .hasMessage("s is corrupt: debugger write #0: unknown debugger write kind 9");
        byte[] badHart = good.clone();
        badHart[kind + 4] = 7; // hart 7 of a 4-hart machine (memory writes name hart 0)
        assertThatThrownBy(() -> RecordingReader.decode("s", resealed(badHart)))
                .hasMessageContaining("s is corrupt: debugger write #0:");
        byte[] late = good.clone();
        late[kind - 7] = 0x7F; // time far after the end
        assertThatThrownBy(() -> RecordingReader.decode("s", resealed(late)))
                .hasMessageStartingWith("s is corrupt: debugger write #0 at time").hasMessageContaining("after the end");
        byte[] longData = good.clone();
        longData[kind + 13] = 0x7F; // data length
        assertThatThrownBy(() -> RecordingReader.decode("s", resealed(longData)))
                .hasMessageStartingWith("s is corrupt: debugger write #0 has a bad length");
        assertThatThrownBy(() -> new Recording("p", new byte[32], CFG, List.of(),
                List.of(new WriteEvent(9, DebuggerWrite.pc(0, 0), 0), new WriteEvent(8, DebuggerWrite.pc(0, 0), 0)),
                List.of(), 10, 0, "")).hasMessageContaining("debugger write #1 at time 8 lies before the previous");
    }

    @Test
    void versionOneFilesStillOpenAndNewerOnesAreRefused() throws Exception {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream p = new DataOutputStream(payload);
        byte[] path = "/v1.elf".getBytes(StandardCharsets.UTF_8);
        p.writeInt(path.length);
        p.write(path);
        p.write(new byte[32]);
        p.writeInt(32);
        p.writeInt(2);
        p.writeLong(1 << 20);
        p.writeInt(100);
        p.writeInt(1);
        p.writeLong(3);
        p.writeByte('x');
        p.writeInt(0); // no bookmarks
        p.writeLong(77);
        p.writeLong(0x1234);
        p.writeInt(6);
        p.write("EXITED".getBytes(StandardCharsets.US_ASCII));
        p.writeInt(0);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.write("REWINDRC".getBytes(StandardCharsets.US_ASCII));
        f.writeInt(1);
        f.writeLong(payload.size());
        f.write(payload.toByteArray());
        f.write(new byte[32]);
        byte[] v1 = resealed(file.toByteArray());
        Recording r = RecordingReader.decode("old", v1);
        assertThat(r).isEqualTo(new Recording("/v1.elf", new byte[32], new MachineConfig(32, 2, 1 << 20, 100),
                List.of(new InputLog.Entry(3, 'x')), List.of(), 77, 0x1234, "EXITED"));
        assertThat(r.writes()).isEmpty();

        byte[] v4 = RecordingWriter.encode(sample());
        v4[11] = 4;
        assertThatThrownBy(() -> RecordingReader.decode("new", v4)).isInstanceOf(RecordingException.class)
                .hasMessage("new has recording format version 4; this Rewind reads versions 1 to 3 (it was written "
                        + "by a newer Rewind)");
    }

    @Test
    void aReplayThatDivergesAtAWriteSaysWhere() throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(WriteRecordingTest.ELF));
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(2);
        long data = img.symbol("priority_hist").orElseThrow().value();
        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), null, TravelConfig.defaults());
        tm.goToTime(1_000);
        tm.writeMemory(data, new byte[] {5}, 0, 1);
        WriteEvent w = tm.writes().events().get(0);
        Recording forged = new Recording("demo", img.sha256(), cfg, List.of(),
                List.of(new WriteEvent(w.time(), w.write(), w.stateHash() ^ 1)), List.of(), 2_000, 0, "");
        String where = String.format("replay diverged at debugger write #0 at time 1000 (memory 0x%x = 05): state "
                + "hash %016x, the recording has %016x", data, w.stateHash(), w.stateHash() ^ 1);
        assertThatThrownBy(() -> RecordingPlayer.on(forged, img, ConsoleSink.discard()).runTo(2_000))
                .isInstanceOf(RecordingException.class).hasMessage(where);
        assertThatThrownBy(() -> RecordingPlayer.open(forged, img, ConsoleSink.discard(), TravelConfig.defaults()))
                .isInstanceOf(RecordingException.class).hasMessage(where);
        // hello exits long before a write at time 5,000,000
        ElfImage hello = ElfLoader.parse(Files.readAllBytes(WriteRecordingTest.ELF.resolveSibling("hello-rv32.elf")));
        Recording tooLate = new Recording("hello", hello.sha256(), cfg, List.of(),
                List.of(new WriteEvent(5_000_000, w.write(), 0)), List.of(), 6_000_000, 0, "");
        assertThatThrownBy(() -> RecordingPlayer.on(tooLate, hello, ConsoleSink.discard()).runTo(6_000_000))
                .hasMessageMatching("replay diverged: the program exited at time \\d+, before debugger write #0 at "
                        + "time 5000000 .*");
        Recording ok = new Recording("demo", img.sha256(), cfg, List.of(), List.of(w), List.of(), 2_000, 0, "");
        assertThat(RecordingPlayer.on(ok, img, ConsoleSink.discard()).runTo(1_000)).isEqualTo(1_000);
    }
}
