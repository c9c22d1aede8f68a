package dev.rewind.emulator.travel;

import dev.rewind.emulator.MachineConfig;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What is needed to replay a run bit-exactly on another machine: the program (its path as recorded and the
 * SHA-256 of the ELF file), the machine configuration, the input log, the bookmarks, and the end point (time and
 * state hash) for verification. Snapshots are not stored: replay is from the start. Saved with
 * {@link RecordingWriter} (atomically) and loaded with {@link RecordingReader} (corruption refused).
 *
 * @param programPath   the ELF path as given when recording (replay may override it)
 * @param programSha256 SHA-256 of the ELF file bytes (32 bytes)
 * @param machine       machine configuration
 * @param input         console input with virtual times
 * @param bookmarks     bookmarks in time order
 * @param endTime       virtual time where recording stopped
 * @param endStateHash  {@code Machine.stateHash()} at {@code endTime}
 * @param endReason     why recording stopped (e.g. {@code EXITED}), informative
 */
public record Recording(String programPath, byte[] programSha256, MachineConfig machine, List<InputLog.Entry> input,
        List<Bookmark> bookmarks, long endTime, long endStateHash, String endReason) {

    public Recording {
        Objects.requireNonNull(programPath, "programPath");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(endReason, "endReason");
        if (programSha256 == null || programSha256.length != 32) {
            throw new IllegalArgumentException("programSha256 must be 32 bytes");
        }
        programSha256 = programSha256.clone();
        input = List.copyOf(input);
        bookmarks = List.copyOf(bookmarks);
        if (endTime < 0) {
            throw new IllegalArgumentException("end time must not be negative: " + endTime);
        }
    }

    @Override
    public byte[] programSha256() {
        return programSha256.clone();
    }

    public String programSha256Hex() {
        return HexFormat.of().formatHex(programSha256);
    }

    /**
     * Checks that {@code elfSha256} (of the ELF file meant for replay) is the recorded program's.
     *
     * @throws RecordingException with a message naming both hashes if not
     */
    public void checkProgram(byte[] elfSha256) throws RecordingException {
        if (!Arrays.equals(programSha256, elfSha256)) {
            throw new RecordingException("program mismatch: the recording was made with " + programPath
                    + " (sha256 " + programSha256Hex() + ") but this program has sha256 "
                    + HexFormat.of().formatHex(elfSha256));
        }
    }

    /** The bookmark called {@code name}. */
    public java.util.Optional<Bookmark> bookmark(String name) {
        return bookmarks.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recording r && programPath.equals(r.programPath)
                && Arrays.equals(programSha256, r.programSha256) && machine.equals(r.machine)
                && input.equals(r.input) && bookmarks.equals(r.bookmarks) && endTime == r.endTime
                && endStateHash == r.endStateHash && endReason.equals(r.endReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(programPath, Arrays.hashCode(programSha256), machine, input, bookmarks, endTime,
                endStateHash, endReason);
    }
}
