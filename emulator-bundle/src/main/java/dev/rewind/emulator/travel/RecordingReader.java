package dev.rewind.emulator.travel;

import dev.rewind.emulator.MachineConfig;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads a {@link Recording} written by {@link RecordingWriter}, refusing anything damaged with a clear message. */
public final class RecordingReader {

    /** Refuse larger files outright (a recording holds no memory images). */
    static final long MAX_FILE = 1L << 30;

    private RecordingReader() {
    }

    public static Recording read(Path file) throws RecordingException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new RecordingException(file + " is not a Rewind recording (larger than 1 GiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RecordingException("no such recording: " + file, e);
        } catch (IOException e) {
            throw new RecordingException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return decode(file.toString(), bytes);
    }

    /** Decodes file bytes; {@code name} is used in messages. */
    public static Recording decode(String name, byte[] bytes) throws RecordingException {
        byte[] magic = RecordingWriter.MAGIC;
        if (bytes.length < magic.length || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            throw new RecordingException(name + " is not a Rewind recording (bad magic)");
        }
        int header = magic.length + 12;
        if (bytes.length < header + 32) {
            throw new RecordingException(name + " is corrupt: truncated (" + bytes.length + " bytes)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            in.skipNBytes(magic.length);
            int version = in.readInt();
            if (version < RecordingWriter.OLDEST_VERSION || version > RecordingWriter.VERSION) {
                throw new RecordingException(name + " has recording format version " + Integer.toUnsignedString(version)
                        + "; this Rewind reads versions " + RecordingWriter.OLDEST_VERSION + " to "
                        + RecordingWriter.VERSION + (version > RecordingWriter.VERSION ? " (it was written by a newer "
                        + "Rewind)" : ""));
            }
            long length = in.readLong();
            if (length < 0 || length != bytes.length - header - 32L) {
                throw new RecordingException(name + " is corrupt: truncated or extended (payload length " + length
                        + ", file " + bytes.length + " bytes)");
            }
            byte[] sum = RecordingWriter.sha256(Arrays.copyOf(bytes, bytes.length - 32));
            if (!Arrays.equals(sum, 0, 32, bytes, bytes.length - 32, bytes.length)) {
                throw new RecordingException(name + " is corrupt: checksum mismatch");
            }
            return payload(name, in, version);
        } catch (EOFException e) {
            throw new RecordingException(name + " is corrupt: the content ends early", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new RecordingException(name + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static Recording payload(String name, DataInputStream in, int version) throws IOException,
            RecordingException {
        String path = str(in);
        byte[] sha = in.readNBytes(32);
        MachineConfig cfg = new MachineConfig(in.readInt(), in.readInt(), in.readLong(), in.readInt());
        int n = count(in, 9);
        List<InputLog.Entry> input = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            input.add(new InputLog.Entry(in.readLong(), in.readUnsignedByte()));
        }
        List<WriteEvent> writes = version >= 2 ? writes(name, in, version) : List.of();
        int m = count(in, 16);
        List<Bookmark> marks = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            marks.add(new Bookmark(str(in), str(in), in.readLong()));
        }
        long endTime = in.readLong();
        long endHash = in.readLong();
        String reason = str(in);
        int snapshots = in.readInt();
        if (snapshots != 0) {
            throw new RecordingException(name + " holds " + snapshots + " snapshots; this Rewind reads none");
        }
        return new Recording(path, sha, cfg, input, writes, marks, endTime, endHash, reason);
    }

    /** The debugger writes (format versions 2 and 3); a bad record is refused naming its index. */
    private static List<WriteEvent> writes(String name, DataInputStream in, int version) throws IOException,
            RecordingException {
        int n = count(in, 33);
        List<WriteEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long time = in.readLong();
            int kind = in.readUnsignedByte();
            int hart = in.readInt();
            long target = in.readLong();
            int len = in.readInt();
            if (len < 0 || len > in.available()) {
                throw new RecordingException(name + " is corrupt: debugger write #" + i + " has a bad length " + len);
            }
            byte[] data = in.readNBytes(len);
            long hash = in.readLong();
            if (kind == DebuggerWrite.Kind.HOLD.code() && version < 3) {
                throw new RecordingException(name + " is corrupt: debugger write #" + i + " holds harts, which format "
                        + "version " + version + " cannot record");
            }
            try {
                out.add(new WriteEvent(time, new DebuggerWrite(DebuggerWrite.Kind.of(kind), hart, target, data), hash));
            } catch (IllegalArgumentException e) {
                throw new RecordingException(name + " is corrupt: debugger write #" + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static int count(DataInputStream in, int minBytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytesEach > in.available()) {
            throw new IOException("bad element count " + n);
        }
        return n;
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
