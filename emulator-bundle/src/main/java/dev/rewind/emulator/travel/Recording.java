package dev.rewind.emulator.travel;

import dev.rewind.emulator.MachineConfig;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What is needed to replay a run bit-exactly on another machine: the program (its path as recorded and the
 * SHA-256 of the ELF file), the machine configuration, the input log, the debugger writes (each applied when the
 * replay reaches its time), the bookmarks, and the end point (time and state hash) for verification. Snapshots
 * are not stored: replay is from the start ({@link RecordingPlayer}). Saved with {@link RecordingWriter}
 * (atomically) and loaded with {@link RecordingReader} (corruption refused).
 *
 * @param programPath   the ELF path as given when recording (replay may override it)
 * @param programSha256 SHA-256 of the ELF file bytes (32 bytes)
 * @param machine       machine configuration
 * @param input         console input with virtual times
 * @param writes        debugger writes with their times, in the order they were made (times never decrease)
 * @param bookmarks     bookmarks in time order
 * @param endTime       virtual time where recording stopped
 * @param endStateHash  {@code Machine.stateHash()} at {@code endTime} (after any debugger write at that time)
 * @param endReason     why recording stopped (e.g. {@code EXITED}), informative
 */
public record Recording(String programPath, byte[] programSha256, MachineConfig machine, List<InputLog.Entry> input,
        List<WriteEvent> writes, List<Bookmark> bookmarks, long endTime, long endStateHash, String endReason) {

    /** A recording without debugger writes. */
    public Recording(String programPath, byte[] programSha256, MachineConfig machine, List<InputLog.Entry> input,
            List<Bookmark> bookmarks, long endTime, long endStateHash, String endReason) {
        this(programPath, programSha256, machine, input, List.of(), bookmarks, endTime, endStateHash, endReason);
    }

    /**
     * @throws IllegalArgumentException if a write lies after the end, goes back in time or names a hart the
     *                                  machine does not have
     */
    public Recording {
        Objects.requireNonNull(programPath, "programPath");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(endReason, "endReason");
        if (programSha256 == null || programSha256.length != 32) {
            throw new IllegalArgumentException("programSha256 must be 32 bytes");
        }
        programSha256 = programSha256.clone();
        input = List.copyOf(input);
        writes = List.copyOf(writes);
        bookmarks = List.copyOf(bookmarks);
        if (endTime < 0) {
            throw new IllegalArgumentException("end time must not be negative: " + endTime);
        }
        long last = 0;
        for (int i = 0; i < writes.size(); i++) {
            WriteEvent w = writes.get(i);
            if (w.time() < last || w.time() > endTime) {
                throw new IllegalArgumentException("debugger write #" + i + " at time " + w.time() + " lies "
                        + (w.time() > endTime ? "after the end (" + endTime + ")" : "before the previous one ("
                        + last + ")"));
            }
            last = w.time();
            try {
                w.write().check(machine);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("debugger write #" + i + ": " + e.getMessage(), e);
            }
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
                && input.equals(r.input) && writes.equals(r.writes) && bookmarks.equals(r.bookmarks)
                && endTime == r.endTime
                && endStateHash == r.endStateHash && endReason.equals(r.endReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(programPath, Arrays.hashCode(programSha256), machine, input, writes, bookmarks, endTime,
                endStateHash, endReason);
    }
}
