package dev.rewind.mcd.backend;

import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingWriter;
import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.backend.StopState.StopRecord;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-travel extension of one core, over the engine's TimeMachine (snapshots, thinning,
 * replay and bookmarks all live there). This class adds the MCD view: reverse-continue stops only
 * where forward execution would have stopped under MCD rules — at a trigger that fires for the
 * hart that hit it (its owner's, see {@link TriggerTable}), with its data condition met and an
 * action that stops — passing over other engine stops; and every operation is recorded as a stop
 * the cores report. All operations run with the machine paused.
 */
final class TimeTravelImpl implements TimeTravel {
    private final Target target;
    private final int hart;

    TimeTravelImpl(Target target, int hart) {
        this.target = target;
        this.hart = hart;
    }

    private Engine engine() {
        return target.engine;
    }

    @Override
    public boolean available() {
        return engine().travels();
    }

    private void require() throws McdException {
        if (!available()) {
            throw new McdException(McdErrorCode.FN_UNIMPLEMENTED, "time travel is disabled (no snapshot interval)");
        }
    }

    @Override
    public void hold(long harts) throws McdException {
        target.held.setForGlobal(harts);
    }

    @Override
    public long holdMask() {
        return target.held.forGlobal();
    }

    @Override
    public long held() throws McdException {
        return target.paused(() -> engine().held());
    }

    @Override
    public long earliestTime() throws McdException {
        require();
        return target.paused(() -> engine().earliestTime());
    }

    @Override
    public History history() throws McdException {
        require();
        return target.paused(() -> {
            dev.rewind.emulator.travel.HistoryStats s = engine().historyStats();
            return new History(s.earliestTime(), s.newestTime(), s.snapshots(), s.pinned(), s.bytes(), s.budget());
        });
    }

    @Override
    public StopInfo reverseStep(int n) throws McdException {
        require();
        if (n < 0) {
            throw McdException.param("negative step count");
        }
        return target.paused(() -> {
            Engine.Stop s = engine().reverseStep(hart, n);
            return stopped(new StopRecord(hart, s.kind() == Engine.Kind.HISTORY_START ? s.message()
                    : "reverse step of hart " + hart));
        });
    }

    @Override
    public StopInfo reverseContinue() throws McdException {
        require();
        return target.paused(() -> {
            int only = target.triggers.singleStoppingHart();
            Engine.Stop s = engine().reverseContinue(only, stop -> target.wouldStop(stop) != null);
            StopRecord r = s.kind() == Engine.Kind.BREAKPOINT || s.kind() == Engine.Kind.WATCHPOINT
                    ? target.wouldStop(s) : null;
            if (r == null) {
                return stopped(new StopRecord(hart, "reverse continue: " + s.message()));
            }
            return stopped(r);
        });
    }

    @Override
    public void cancel() {
        if (available()) {
            engine().cancelSearch();
        }
    }

    @Override
    public StopInfo reverseToLastWrite(long addr, long len) throws McdException {
        require();
        if (len < 1 || addr + len - 1 < addr) {
            throw McdException.param("bad address range 0x" + Long.toHexString(addr) + " + " + len);
        }
        return target.paused(() -> {
            Engine.Stop s;
            try {
                s = engine().reverseToLastWrite(addr, len);
            } catch (IllegalArgumentException e) {
                throw McdException.param(e.getMessage());
            }
            if (s.kind() != Engine.Kind.WATCHPOINT) {
                return stopped(new StopRecord(hart, "reverse to last write: " + s.message()));
            }
            return stopped(new StopRecord(s.hart(), "hart " + s.hart() + " wrote " + s.size() + " bytes at 0x"
                    + Long.toHexString(s.address()) + " value 0x" + Long.toHexString(s.value())));
        });
    }

    @Override
    public StopInfo goToTime(long time) throws McdException {
        require();
        return target.paused(() -> {
            if (time < engine().earliestTime()) {
                throw McdException.param("time " + time + " is before the recorded history (earliest "
                        + engine().earliestTime() + ")");
            }
            Engine.Stop s = engine().goToTime(time);
            return stopped(new StopRecord(hart, s.kind() == Engine.Kind.TIME ? "go to time " + time : s.message()));
        });
    }

    private StopInfo stopped(StopRecord r) {
        long t = engine().time();
        target.recordStop(new StopRecord(r.hart(), r.trigId(), r.owner(), r.reason() + " (time " + t + ")", false),
                hart, true);
        target.notifyListeners(CoreEvent.STOPPED.bit());
        return new StopInfo(t, r.hart(), r.trigId(), r.reason());
    }

    @Override
    public Bookmark addBookmark(String name) throws McdException {
        require();
        return target.paused(() -> {
            try {
                Engine.Mark m = engine().addBookmark(name);
                return new Bookmark(m.name(), m.time());
            } catch (IllegalArgumentException e) {
                throw McdException.param(e.getMessage());
            }
        });
    }

    @Override
    public StopInfo goToBookmark(String name) throws McdException {
        require();
        return target.paused(() -> {
            if (engine().bookmarks().stream().noneMatch(m -> m.name().equals(name))) {
                throw McdException.param("no bookmark named " + name);
            }
            engine().goToBookmark(name);
            return stopped(new StopRecord(hart, "at bookmark " + name));
        });
    }

    @Override
    public void deleteBookmark(String name) throws McdException {
        require();
        target.paused(() -> {
            try {
                engine().deleteBookmark(name);
            } catch (IllegalArgumentException e) {
                throw McdException.param("no bookmark named " + name);
            }
            return null;
        });
    }

    @Override
    public List<Bookmark> bookmarks() {
        try {
            return target.paused(() -> {
                List<Bookmark> out = new ArrayList<>();
                for (Engine.Mark m : engine().bookmarks()) {
                    out.add(new Bookmark(m.name(), m.time()));
                }
                return out;
            });
        } catch (McdException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // --- recordings

    @Override
    public long saveRecording(java.nio.file.Path file) throws McdException {
        if (file == null) {
            throw McdException.param("no file given for the recording");
        }
        Recording r = target.paused(() -> {
            try {
                return engine().toRecording();
            } catch (IllegalStateException e) {
                throw new McdException(McdErrorCode.GENERAL, "cannot record: " + e.getMessage());
            }
        });
        try {
            RecordingWriter.write(file, r);
        } catch (dev.rewind.emulator.travel.NotARecordingException e) {
            throw new McdException(McdErrorCode.PARAM, e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new McdException(McdErrorCode.PARAM, "cannot write the recording " + file
                    + ": no such directory", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new McdException(McdErrorCode.PARAM, "cannot write the recording " + file
                    + ": permission denied", e);
        } catch (java.io.IOException | RuntimeException e) {
            throw new McdException(McdErrorCode.GENERAL, "cannot write the recording " + file + ": "
                    + e.getMessage() + " (an earlier file there is unchanged)", e);
        }
        return r.endTime();
    }

    @Override
    public StopInfo verifyRecording() throws McdException {
        return target.paused(() -> {
            Recording r = engine().openedFrom();
            if (r == null) {
                throw new McdException(McdErrorCode.FN_UNIMPLEMENTED, "this session was not opened from a recording");
            }
            if (r.endTime() < engine().earliestTime()) {
                throw McdException.param("the recording's end (time " + r.endTime() + ") is before the history");
            }
            engine().goToTime(r.endTime());
            long t = engine().time();
            long hash = engine().stateHash();
            if (t != r.endTime() || hash != r.endStateHash()) {
                StopInfo at = stopped(new StopRecord(hart, "replay diverged"));
                throw new McdException(McdErrorCode.GENERAL, String.format("replay diverged from the recording: "
                        + "time %d, state hash %016x; the recording ends at time %d with state hash %016x",
                        at.time(), hash, r.endTime(), r.endStateHash()));
            }
            return stopped(new StopRecord(hart, String.format("recording verified at its end, state hash %016x",
                    hash)));
        });
    }
}
