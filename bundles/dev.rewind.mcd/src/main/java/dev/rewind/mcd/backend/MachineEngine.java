package dev.rewind.mcd.backend;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.Bookmark;
import dev.rewind.emulator.travel.DebuggerWrite;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import dev.rewind.emulator.travel.TravelResult;
import java.util.ArrayList;
import java.util.List;

/** {@link Engine} over the engine's {@link TimeMachine} (the one time-travel implementation). */
final class MachineEngine extends MachineState {
    /** Longest run used to "step" a hart that sleeps in WFI (it may never retire). */
    static final long SLEEP_STEP_BUDGET = 100_000;

    private final ElfImage image;
    private final boolean travels;
    private final BlockTrace blockTrace;
    private final SessionRecording recording;

    /** @param snapshotInterval instructions between snapshots; 0 = no time travel */
    MachineEngine(MachineConfig cfg, ElfImage image, Console console, ConsoleSink userConsole, long snapshotInterval) {
        this(cfg, image, console, userConsole, snapshotInterval, new SessionRecording("", image.sha256(), null));
    }

    /** As above, for a session that can be saved as (or was opened from) a recording. */
    MachineEngine(MachineConfig cfg, ElfImage image, Console console, ConsoleSink userConsole, long snapshotInterval,
            SessionRecording recording) {
        super(recording.timeMachine(cfg, image, guestConsole(console, userConsole), TravelConfig.defaults()
                .withInterval(snapshotInterval > 0 ? snapshotInterval : Long.MAX_VALUE / 4)));
        this.travels = snapshotInterval > 0;
        this.image = image;
        this.recording = recording;
        this.blockTrace = new BlockTrace(machine);
    }

    /** The guest's console bytes go to the back end's console and to the user's, if any. */
    private static ConsoleSink guestConsole(Console console, ConsoleSink userConsole) {
        return b -> {
            console.guestByte(b & 0xff);
            if (userConsole != null) {
                userConsole.write(b);
            }
        };
    }

    TimeMachine timeMachine() {
        return tm;
    }

    @Override
    public long time() {
        return tm.time();
    }

    @Override
    public long retired(int hart) {
        return tm.retired(hart);
    }

    @Override
    public boolean sleeping(int hart) {
        return machine.hart(hart).sleeping();
    }

    private Stop convert(TravelResult r, Kind arrived) {
        return EngineStops.of(r, arrived, machine);
    }

    @Override
    public Stop run(long maxInstructions) {
        return convert(tm.run(maxInstructions), Kind.LIMIT);
    }

    @Override
    public Stop runUntilTime(long time) {
        return convert(tm.runUntilTime(time), Kind.TIME);
    }

    @Override
    public Stop stepHart(int hart) {
        if (machine.hart(hart).sleeping()) {
            Stop s = run(SLEEP_STEP_BUDGET);
            return s.kind() == Kind.LIMIT ? new Stop(Kind.STEP, hart, machine.hart(hart).pc(), 0, 0, 0, 0,
                    "hart " + hart + " sleeps in wfi") : s;
        }
        return convert(tm.stepHart(hart), Kind.STEP);
    }

    @Override
    public void hold(long mask) {
        tm.hold(mask);
    }

    @Override
    public long held() {
        return tm.held();
    }

    @Override
    public void requestStop() {
        tm.requestStop();
    }

    @Override
    public void clearStopRequest() {
        machine.clearStopRequest();
    }

    @Override
    public void resetSystem() {
        tm.goToTime(tm.earliestTime());
        tm.discardFuture();
    }

    @Override
    public void resetHart(int hart) {
        tm.apply(DebuggerWrite.hartReset(hart, image.entry()));
    }

    @Override
    public void traceHook(TraceHook hook) {
        blockTrace.set(hook);
    }

    @Override
    public dev.rewind.emulator.plugin.PluginHost plugins() {
        return machine.plugins();
    }

    // --- time travel

    @Override
    public boolean travels() {
        return travels;
    }

    @Override
    public long earliestTime() {
        return tm.earliestTime();
    }

    @Override
    public long newestTime() {
        return tm.newestTime();
    }

    @Override
    public dev.rewind.emulator.travel.HistoryStats historyStats() {
        return travels ? tm.stats() : null;
    }

    @Override
    public Stop goToTime(long time) {
        return convert(tm.goToTime(time), Kind.TIME);
    }

    @Override
    public Stop reverseStep(int hart, long n) {
        return convert(tm.reverseStep(hart, n), Kind.STEP);
    }

    @Override
    public void cancelSearch() {
        tm.cancelSearch();
    }

    @Override
    public Stop reverseContinue(int hart, java.util.function.Predicate<Stop> stopsHere) {
        return convert(tm.reverseContinue(r -> (hart < 0 || r.hart() == hart) && stopsHere.test(EngineStops.of(r))),
                Kind.OTHER);
    }

    @Override
    public Stop reverseToLastWrite(long addr, long len) {
        return convert(tm.reverseToLastWrite(addr, len), Kind.OTHER);
    }

    @Override
    public Mark addBookmark(String name) {
        Bookmark b = tm.addBookmark(name, "");
        return new Mark(b.name(), b.time());
    }

    @Override
    public Stop goToBookmark(String name) {
        return convert(tm.goToBookmark(name), Kind.TIME);
    }

    @Override
    public void deleteBookmark(String name) {
        tm.deleteBookmark(name);
    }

    @Override
    public List<Mark> bookmarks() {
        List<Mark> out = new ArrayList<>();
        for (Bookmark b : tm.bookmarks()) {
            out.add(new Mark(b.name(), b.time()));
        }
        return out;
    }

    // --- recordings

    @Override
    public dev.rewind.emulator.travel.Recording toRecording() {
        return recording.capture(tm);
    }

    @Override
    public dev.rewind.emulator.travel.Recording openedFrom() {
        return recording.opened();
    }

}
