package dev.rewind.emulator.travel;

import dev.rewind.emulator.MachineConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.UnaryOperator;

/**
 * Saves a {@link Recording} atomically: the bytes go to a temporary file in the target's directory, are forced
 * to disk, and the temporary file is then moved over the target in one atomic rename. A crash or kill at any
 * moment leaves either the complete old file or the complete new one (and at worst a stray temporary file,
 * never a broken target). Only a new file, an empty file or an earlier recording is replaced; anything else is
 * refused with {@link NotARecordingException}.
 *
 * <p>File format (all integers big-endian):
 * <pre>
 * "REWINDRC" (8 bytes) | u32 version (2 or 3) | u64 payload length | payload | SHA-256 of everything before (32 bytes)
 * payload: str programPath | 32 bytes program SHA-256 | i32 xlen | i32 harts | i64 ramSize | i32 quantum
 *          | i32 n, n × (i64 time, u8 byte) input
 *          | i32 w, w × write                                       (versions 2 and 3)
 *          | i32 m, m × (str name, str description, i64 time) bookmarks
 *          | i64 endTime | i64 endStateHash | str endReason | i32 snapshots (0: none stored)
 * write:   i64 time | u8 kind (1 memory, 2 register, 3 pc, 4 csr, 5 hart reset, 6 held harts: version 3)
 *          | i32 hart | i64 target
 *          | i32 length, length bytes data | i64 state hash after the write      (see {@link DebuggerWrite})
 * str: i32 length + UTF-8 bytes
 * </pre>
 * Version 1 (before debugger writes) is the same without the writes; version 3 adds write kind 6, a change of the
 * held harts ({@link DebuggerWrite.Kind#HOLD}). {@link RecordingReader} reads all three; this class writes version 3
 * when the recording holds a change of held harts and version 2 otherwise, so that recordings without one still
 * open in Rewinds that read only versions 1 and 2.
 */
public final class RecordingWriter {

    static final byte[] MAGIC = "REWINDRC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 3;
    /** The version written for recordings without a change of held harts. */
    static final int VERSION_WITHOUT_HOLDS = 2;
    /** The oldest version {@link RecordingReader} still reads. */
    static final int OLDEST_VERSION = 1;

    private RecordingWriter() {
    }

    /** The file's bytes. */
    public static byte[] encode(Recording r) {
        try {
            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
            DataOutputStream p = new DataOutputStream(payloadBytes);
            str(p, r.programPath());
            p.write(r.programSha256());
            MachineConfig m = r.machine();
            p.writeInt(m.xlen());
            p.writeInt(m.harts());
            p.writeLong(m.ramSize());
            p.writeInt(m.quantum());
            p.writeInt(r.input().size());
            for (InputLog.Entry e : r.input()) {
                p.writeLong(e.time());
                p.writeByte(e.value());
            }
            p.writeInt(r.writes().size());
            for (WriteEvent w : r.writes()) {
                p.writeLong(w.time());
                p.writeByte(w.write().kind().code());
                p.writeInt(w.write().hart());
                p.writeLong(w.write().target());
                byte[] data = w.write().data();
                p.writeInt(data.length);
                p.write(data);
                p.writeLong(w.stateHash());
            }
            p.writeInt(r.bookmarks().size());
            for (Bookmark b : r.bookmarks()) {
                str(p, b.name());
                str(p, b.description());
                p.writeLong(b.time());
            }
            p.writeLong(r.endTime());
            p.writeLong(r.endStateHash());
            str(p, r.endReason());
            p.writeInt(0);
            p.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(all);
            d.write(MAGIC);
            d.writeInt(version(r));
            d.writeLong(payloadBytes.size());
            payloadBytes.writeTo(d);
            d.flush();
            d.write(sha256(all.toByteArray()));
            return all.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory encoding failed", e);
        }
    }

    /** The format version {@code r} needs: 3 with a change of held harts, else 2. */
    static int version(Recording r) {
        for (WriteEvent w : r.writes()) {
            if (w.write().kind() == DebuggerWrite.Kind.HOLD) {
                return VERSION;
            }
        }
        return VERSION_WITHOUT_HOLDS;
    }

    /** Writes {@code r} to {@code target} atomically (see the class comment). */
    public static void write(Path target, Recording r) throws IOException {
        write(target, r, UnaryOperator.identity());
    }

    /**
     * As {@link #write(Path, Recording)}, with the file stream wrapped by {@code wrap} (to inject I/O failures in
     * tests of atomicity).
     */
    public static void write(Path target, Recording r, UnaryOperator<OutputStream> wrap) throws IOException {
        byte[] bytes = encode(r);
        Path abs = target.toAbsolutePath();
        RecordingTarget.checkReplaceable(abs);
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = wrap.apply(Channels.newOutputStream(ch));
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + abs + " atomically on this file system", e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the rename itself is still atomic there.
            assert e != null;
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
