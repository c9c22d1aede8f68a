package dev.rewind.mcd.backend;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.travel.Bookmark;
import dev.rewind.emulator.travel.InputLog;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingException;
import dev.rewind.emulator.travel.RecordingPlayer;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import java.util.List;
import java.util.OptionalLong;

/**
 * Recordings of one {@link MachineEngine} session: the program's identity (path and SHA-256 of the ELF) and the
 * recording the session was opened from (if any). A recording replays the program, its console input and the
 * debugger writes of the session's timeline (registers, memory, CSRs, pc, hart resets: the engine's
 * {@code TimeMachine.writes()}), each at its time.
 */
final class SessionRecording {
    private final String programPath;
    private final byte[] programSha256;
    private final Recording opened;

    SessionRecording(String programPath, byte[] programSha256, Recording opened) {
        this.programPath = programPath;
        this.programSha256 = programSha256.clone();
        this.opened = opened;
    }

    /** The recording the session was opened from, or null. */
    Recording opened() {
        return opened;
    }

    /**
     * The session's time machine: a fresh one, or for an opened recording one whose history holds the recorded
     * debugger writes (run up to the last of them, console output up to there emitted now), with the recorded
     * bookmarks, at time 0.
     *
     * @throws IllegalStateException if the recording's replay diverges at a debugger write
     */
    TimeMachine timeMachine(MachineConfig cfg, ElfImage image, ConsoleSink sink, TravelConfig tc) {
        if (opened == null) {
            return TimeMachine.create(cfg, image, sink, null, tc);
        }
        try {
            return RecordingPlayer.open(opened, image, sink, tc);
        } catch (RecordingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The session as a recording: end = the newest time reached, with the state hash there (the machine goes
     * there and comes back to its current time; replays are silent).
     *
     * @throws IllegalStateException if the history holds a change the recording cannot carry
     */
    Recording capture(TimeMachine tm) {
        OptionalLong opaque = tm.writes().firstUnrecordable();
        if (opaque.isPresent()) {
            throw new IllegalStateException("the session's history holds a change of machine state made outside "
                    + "the debugger's write operations at time " + opaque.getAsLong() + "; a recording could not "
                    + "replay it (reset the system to record)");
        }
        long now = tm.time();
        long end = tm.newestTime();
        if (now != end) {
            tm.goToTime(end);
        }
        long hash = tm.machine().stateHash();
        long reached = tm.time();
        if (now != end) {
            tm.goToTime(now);
        }
        if (reached != end) {
            throw new IllegalStateException("the newest point of history (time " + end + ") could not be reached "
                    + "again (stopped at " + reached + ")");
        }
        List<InputLog.Entry> input = tm.input().map(InputLog::entries).orElse(List.of()).stream()
                .filter(e -> e.time() <= end).toList();
        List<Bookmark> marks = tm.bookmarks().stream().filter(b -> b.time() <= end).toList();
        return new Recording(programPath, programSha256, tm.machine().config(), input, tm.writes().events(), marks,
                end, hash, "MCD_SESSION");
    }
}
