package dev.rewind.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Stop;
import dev.rewind.eclipse.core.launch.LaunchAttributes;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.ui.views.TraceLanes;
import dev.rewind.eclipse.ui.views.TraceView;
import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.elf.ElfSymbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A saved recording of the demo (4 harts, a debugger write in the middle) launched in the workbench with the trace on:
 * the Trace view shows the recording's timeline from time 0 (function entries named from the ELF's symbols, posted
 * when the history recorded before the write is run through for the trace), and after time travel only the past of
 * the current time. Runs on the UI thread; every wait is a bounded display-loop poll.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RecordingTraceTest {

    static final String BOOKMARK = "written";

    @Test
    void theTraceViewShowsTheRecordingsTimelineAndOnlyThePastOfNow() throws Exception {
        Path elf = Ui.root().resolve("tests/guest/elf/demo-rv32.elf");
        Symbols symbols = Symbols.load(elf);
        Workbench.prepare();
        Workbench.removeBreakpoints();
        Path dir = Files.createTempDirectory("rewind-recording");
        Path file = dir.resolve("demo.rwd");
        try {
            long written = record(elf, symbols, file);
            replay(elf, symbols, file, written);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** Opens the recording with the trace on, checks the Trace view at the write, earlier, and back at the write. */
    private static void replay(Path elf, Symbols symbols, Path file, long written) throws Exception {
        TraceView view = Workbench.show(TraceView.ID, TraceView.class); // open before the session: it names functions
        ILaunchConfigurationWorkingCopy wc = Workbench.configuration("demo recording", elf, 4);
        wc.setAttribute(LaunchAttributes.RECORDING, file.toString());
        wc.setAttribute(LaunchAttributes.TRACE, "calls,traps");
        RewindDebugTarget target = Workbench.launch(wc);
        TargetProbe probe = new TargetProbe(target);
        try {
            assertEquals(0, probe.stop().time(), "a recording opens at time 0");
            view.scheduleRefresh();
            Ui.waitFor("the Trace view following the recording's session", TargetProbe.WAIT,
                    () -> view.target() == target && marks(view).size() == 1 && marks(view).get(0).time() == 0);

            travel(probe, "go to the bookmark", target.stepper().goToBookmark(target.thread(0), BOOKMARK));
            assertEquals(written, probe.stop().time(), "at the bookmark");
            Ui.waitFor("function entries in the Trace view", TargetProbe.WAIT,
                    () -> !entries(view, 1).isEmpty() && !entries(view, 3).isEmpty());
            Set<String> atWrite = entries(view);
            assertShownUpTo(view, written);
            Set<String> functions = symbols.elf().symbols().stream().filter(s -> s.type() == ElfSymbol.Type.FUNC)
                    .map(ElfSymbol::name).collect(Collectors.toSet());
            for (String e : atWrite) {
                assertTrue(functions.contains(e.substring(e.lastIndexOf(' ') + 1)), "an ELF function: " + e);
            }
            assertTrue(entries(view, 0).stream().anyMatch(e -> e.endsWith(" entry main")),
                    "main entered on hart 0, at the start of the recording: " + entries(view, 0));
            for (int h = 1; h <= 3; h++) {
                assertTrue(entries(view, h).stream().anyMatch(e -> e.endsWith(" entry hart_main")),
                        "hart_main entered on hart " + h + ": " + entries(view, h));
            }
            Workbench.page().activate(view);
            TargetProbe.screenshot("11-recording-trace");

            long earlier = median(atWrite);
            travel(probe, "go back to an earlier time", target.stepper().goToTime(target.thread(0), earlier));
            assertEquals(earlier, probe.stop().time());
            Ui.waitFor("the Trace view ending at the earlier time", TargetProbe.WAIT, () -> lastShown(view) == earlier);
            assertShownUpTo(view, earlier);
            Set<String> past = entries(view);
            assertEquals(upTo(atWrite, earlier), past, "the same past, nothing after it");
            assertTrue(past.size() < atWrite.size(), "entries after " + earlier + " hidden");

            travel(probe, "step back", target.stepper().stepBack(target.thread(0))); // hart 0 consumes in main

            long back = probe.stop().time();
            assertTrue(back < earlier, "stepped back in time: " + back);
            Ui.waitFor("the Trace view ending at the step back", TargetProbe.WAIT, () -> lastShown(view) == back);
            assertShownUpTo(view, back);
            assertEquals(upTo(atWrite, back), entries(view));

            travel(probe, "go to the bookmark again", target.stepper().goToBookmark(target.thread(0), BOOKMARK));
            Ui.waitFor("the Trace view at the bookmark again", TargetProbe.WAIT, () -> lastShown(view) == written);
            assertEquals(atWrite, entries(view), "replayed history shows again (it is not posted twice)");
            changeThePast(probe, view, symbols, back, written, atWrite);
        } finally {
            probe.end();
        }
    }

    /**
     * A write into the counter at {@code back} changes the past: the view drops what came after it, and going on to
     * {@code written} runs (live) into entries that are posted anew, shown once. The counter does not steer any call
     * before the program's end, so the new timeline enters the same functions at the same times.
     */
    private static void changeThePast(TargetProbe probe, TraceView view, Symbols symbols, long back, long written,
            Set<String> atWrite) throws Exception {
        RewindDebugTarget target = probe.target;
        travel(probe, "go back to the step back's time", target.stepper().goToTime(target.thread(0), back));
        long counter = symbols.symbol("items_produced").orElseThrow().value();
        byte[] value = await(target.session().readMemory(counter, 4)).data().clone();
        value[0]++;
        await(target.session().writeMemory(counter, value)); // the trace posts a cut at back
        travel(probe, "run on to the time of the write", target.stepper().goToTime(target.thread(0), written));
        Ui.waitFor("the new timeline's entries", TargetProbe.WAIT, () -> entryList(view).size() >= atWrite.size());
        List<String> shown = entryList(view);
        assertEquals(shown.size(), new TreeSet<>(shown).size(), "one timeline, no entry twice: " + shown);
        assertEquals(atWrite, new TreeSet<>(shown), "the same entries on the new timeline");
    }

    /** Records the demo: runs, a debugger write, a bookmark there, runs on, saves; the time of the write. */
    private static long record(Path elf, Symbols symbols, Path file) throws Exception {
        RewindDebugTarget recorder = Workbench.launch(Workbench.configuration("demo to record", elf, 4));
        TargetProbe probe = new TargetProbe(recorder);
        try {
            DebugSession s = recorder.session();
            long written = await(s.stepInstruction(1, 20_000)).time();
            long counter = symbols.symbol("items_produced").orElseThrow().value();
            await(s.writeMemory(counter, new byte[4])); // the history up to here runs when the recording opens
            await(s.addBookmark(BOOKMARK));
            assertTrue(await(s.stepInstruction(1, 20_000)).time() > written);
            await(s.saveRecording(file));
            return written;
        } finally {
            probe.end();
            DebugPlugin.getDefault().getLaunchManager().removeLaunch(recorder.getLaunch());
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(TargetProbe.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void travel(TargetProbe probe, String what, CompletableFuture<Stop> op) {
        Ui.waitFor(what, TargetProbe.WAIT, op::isDone, probe::state);
        assertFalse(op.isCompletedExceptionally(), what + " failed: " + probe.state());
        probe.waitForStop(what);
    }

    private static List<TraceLanes.Mark> marks(TraceView view) {
        return view.lanes().snapshot().marks();
    }

    /** The latest time the view shows (its stop mark at now). */
    private static long lastShown(TraceView view) {
        return marks(view).stream().mapToLong(TraceLanes.Mark::time).max().orElse(-1);
    }

    private static void assertShownUpTo(TraceView view, long now) {
        List<TraceLanes.Mark> later = marks(view).stream().filter(m -> m.time() > now).toList();
        assertTrue(later.isEmpty(), "nothing after now (" + now + ") is shown: " + later);
    }

    /** The function entries shown, as {@code "hart time entry NAME"} (time zero-padded, so they sort by time). */
    private static Set<String> entries(TraceView view) {
        return new TreeSet<>(entryList(view));
    }

    /** As {@link #entries(TraceView)}, every mark (a mark shown twice is there twice). */
    private static List<String> entryList(TraceView view) {
        return marks(view).stream().filter(m -> m.label().startsWith("entry "))
                .map(m -> m.hart() + " " + String.format("%012d", m.time()) + " " + m.label()).toList();
    }

    private static Set<String> entries(TraceView view, int hart) {
        return entries(view).stream().filter(e -> e.startsWith(hart + " ")).collect(Collectors.toSet());
    }

    private static long time(String entry) {
        return Long.parseLong(entry.split(" ")[1]);
    }

    private static Set<String> upTo(Set<String> entries, long time) {
        return entries.stream().filter(e -> time(e) <= time).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A time with entries on both sides of it. */
    private static long median(Set<String> entries) {
        List<Long> times = entries.stream().map(RecordingTraceTest::time).sorted().distinct().toList();
        assertTrue(times.size() >= 3, "entries at several times: " + entries);
        return times.get(times.size() / 2);
    }
}
