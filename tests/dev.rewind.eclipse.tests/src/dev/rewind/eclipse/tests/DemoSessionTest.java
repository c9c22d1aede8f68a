package dev.rewind.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.eclipse.core.breakpoints.RewindLineBreakpoint;
import dev.rewind.eclipse.core.breakpoints.RewindWatchpoint;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.core.model.RewindStackFrame;
import dev.rewind.eclipse.core.model.RewindThread;
import dev.rewind.eclipse.ui.commands.ReverseJob;
import dev.rewind.eclipse.ui.commands.ReverseResumeHandler;
import dev.rewind.eclipse.ui.commands.ReverseToLastWriteHandler;
import dev.rewind.eclipse.ui.commands.StepBackHandler;
import dev.rewind.eclipse.ui.views.BookmarksView;
import dev.rewind.eclipse.ui.views.DisassemblyView;
import dev.rewind.eclipse.ui.views.HistoryView;
import dev.rewind.eclipse.ui.views.TraceView;
import dev.rewind.symbols.Symbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.core.commands.Command;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The demo (4 harts) debugged in the workbench, step by step as a user would: each test goes on from where the
 * previous one left the session. Runs on the UI thread; every wait is a bounded display-loop poll.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoSessionTest {

    static final Duration WAIT = TargetProbe.WAIT;
    static final int HITS = 40;

    Path elf;
    Path source;
    Symbols symbols;
    int countLine;
    RewindDebugTarget target;
    TargetProbe probe;
    RewindLineBreakpoint lineBreakpoint;
    int hart;

    @BeforeAll
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void launchTheDemo() throws Exception {
        elf = Ui.root().resolve("tests/guest/elf/demo-rv32.elf");
        source = Ui.root().resolve("tests/guest/src/demo.c");
        symbols = Symbols.load(elf);
        List<String> lines = Files.readAllLines(source);
        countLine = lines.indexOf("        count_item(item);") + 1;
        assertTrue(countLine > 0, "demo.c has the count_item(item) line");
        Workbench.prepare();
        Workbench.removeBreakpoints();
        target = Workbench.launch(Workbench.configuration("demo", elf, 4));
        probe = new TargetProbe(target);
        Ui.waitFor("the session stopped at the entry", WAIT, () -> target.isSuspended());
    }

    @AfterAll
    void end() throws Exception {
        Workbench.removeBreakpoints();
        if (probe != null) {
            probe.end();
        }
    }

    private Stop stop() {
        return probe.stop();
    }

    private boolean sessionHas(String hitCondition) {
        return probe.sessionHas(b -> hitCondition.equals(b.spec().hitCondition()) && b.sourceLine() == countLine);
    }

    @Test
    @Order(1)
    void theDebugViewShowsFourHarts() throws Exception {
        assertEquals(4, target.getThreads().length);
        var view = Workbench.page().showView(IDebugUIConstants.ID_DEBUG_VIEW);
        var control = view.getSite().getShell();
        Ui.waitFor("4 harts in the Debug view", WAIT, () -> Ui.treeTexts(control).stream()
                .filter(t -> t.startsWith("Hart ")).distinct().count() == 4);
        List<String> texts = Ui.treeTexts(control);
        for (int h = 0; h < 4; h++) {
            int n = h;
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("Hart " + n + " ")), "hart " + h + " in " + texts);
        }
        Ui.screenshot(control, "01-debug-view-4-harts");
    }

    @Test
    @Order(2)
    void aLineBreakpointInTheCSourceIsHit() throws Exception {
        List<Long> addresses = symbols.addressesOf("demo.c", countLine).orElseThrow().addresses();
        assertFalse(addresses.isEmpty(), "the line has code");
        // set in the C editor, as Run > Toggle Breakpoint does, then given a hit condition in its properties
        lineBreakpoint = Workbench.toggleLineBreakpoint(source, countLine);
        assertEquals(source, Path.of(lineBreakpoint.file()));
        lineBreakpoint.setHitCondition("== " + HITS); // later than the first items: the counter has been written
        Ui.waitFor("the breakpoint with its hit condition in the session", WAIT, () -> sessionHas("== " + HITS));
        Ui.waitFor("the breakpoint installed", WAIT, () -> target.breakpointSync().installed(lineBreakpoint));
        long before = stop().time();
        target.resume();
        Ui.waitFor("a breakpoint stop", WAIT, () -> target.isSuspended() && stop().reason() == StopReason.BREAKPOINT,
                probe::state);
        hart = stop().hart();
        assertTrue(stop().time() > before, "time went forward");
        assertTrue(addresses.contains(stop().pc()), "stopped at the line's address, pc 0x" + Long.toHexString(stop().pc()));
        assertTrue(hart >= 1 && hart <= 3, "a producer hart hit it: " + hart);
        RewindThread t = target.thread(hart);
        assertTrue(Arrays.asList(t.getBreakpoints()).contains(lineBreakpoint), "the hart shows the breakpoint");
        RewindStackFrame top = (RewindStackFrame) t.getTopStackFrame();
        assertEquals(countLine, top.getLineNumber());
        Ui.waitFor("the hit count", WAIT, () -> target.breakpointSync().hits(lineBreakpoint) == HITS);
        assertEquals("hart_main", top.info().function());
        assertTrue(t.getStackFrames().length >= 2, "hart_main has a caller");
        Ui.spin(500);
        TargetProbe.screenshot("02-breakpoint-hit");
    }

    @Test
    @Order(3)
    void stepOverGoesToTheNextLine() throws Exception {
        Workbench.removeBreakpoints(); // other harts would hit it during the step
        Ui.waitFor("the breakpoint removed", WAIT, () -> probe.sessionBreakpoints().isEmpty());
        long before = stop().time();
        target.thread(hart).stepOver();
        probe.waitForStop("the step over");
        assertEquals(StopReason.STEP, stop().reason());
        assertEquals(hart, stop().hart());
        assertTrue(stop().time() > before);
        assertEquals(countLine + 1, probe.topLine(hart), "produced_by[hart] = seq + 1 follows count_item(item)");
    }

    @Test
    @Order(4)
    void stepBackReturnsToTheLine() throws Exception {
        Command cmd = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(StepBackHandler.COMMAND);
        Ui.waitFor("Step Back enabled", WAIT, cmd::isEnabled);
        long before = stop().time();
        target.stepper().stepBack(target.thread(hart));
        probe.waitForStop("the step back");
        assertTrue(stop().time() < before, "time went back");
        assertEquals(hart, stop().hart());
        assertEquals(countLine, probe.topLine(hart), "back on count_item(item), over the call");
        assertEquals("hart_main", probe.topFunction(hart));
        TargetProbe.screenshot("03-step-back");
    }

    @Test
    @Order(5)
    void reverseResumeStopsAtAWatchpointAnotherHartTriggered() throws Exception {
        RewindWatchpoint w = new RewindWatchpoint(Workbench.root(), "items_produced", false, true);
        Workbench.add(w);
        Ui.waitFor("the watchpoint installed", WAIT, () -> target.breakpointSync().installed(w));
        long before = stop().time();
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ReverseResumeHandler.COMMAND, null);
        Ui.waitFor("a watchpoint stop", WAIT, () -> target.isSuspended() && !target.busy()
                && stop().reason() == StopReason.WATCHPOINT);
        assertTrue(stop().time() < before, "found backwards");
        int writer = stop().hart();
        assertTrue(writer >= 1 && writer <= 3, "a producer wrote the counter: hart " + writer);
        IBreakpoint[] shown = target.thread(writer).getBreakpoints();
        assertTrue(Arrays.asList(shown).contains(w), "the writing hart shows the watchpoint");
        assertEquals("count_item", probe.topFunction(writer));
        TargetProbe.screenshot("04-reverse-to-watchpoint");
        Workbench.removeBreakpoints();
        Ui.waitFor("no breakpoints left in the session", WAIT, () -> probe.sessionBreakpoints().isEmpty());
    }

    @Test
    @Order(6)
    void theVariablesViewShowsAStruct() throws Exception {
        RewindStackFrame top = (RewindStackFrame) target.thread(stop().hart()).getTopStackFrame();
        IVariable globals = Models.named(top.getVariables(), "Globals");
        IVariable ring = Models.named(globals.getValue().getVariables(), "ring");
        assertTrue(ring.getValue().hasVariables(), "ring is a struct");
        List<String> members = Models.memberNames(ring.getValue());
        assertTrue(members.containsAll(List.of("lock", "head", "tail", "slot")), "members: " + members);
        assertTrue(ring.getValue().getValueString().startsWith("{"), ring.getValue().getValueString());
        // registers: pc in the general group is the frame's pc; mhartid in the CSRs is the hart
        int h = stop().hart();
        IRegisterGroup[] groups = top.getRegisterGroups();
        assertEquals(String.format("0x%08x", top.info().pc()), Models.register(groups[0], "pc").split(" ")[0]);
        assertEquals(String.format("0x%08x", h), Models.register(groups[1], "mhartid").split(" ")[0]);
        // memory: the Memory view's block at the counter holds the value the expression reads
        long counter = symbols.symbol("items_produced").orElseThrow().value();
        long value = Models.u32(target.getMemoryBlock(counter, 4));
        assertEquals(Long.toString(value), top.evaluate("items_produced").text());
        // the Expressions view's delegate for the model evaluates in the frame, off the UI thread
        var delegate = DebugPlugin.getDefault().getExpressionManager().newWatchExpressionDelegate(RewindDebug.MODEL_ID);
        var result = new java.util.concurrent.atomic.AtomicReference<org.eclipse.debug.core.model.IWatchExpressionResult>();
        delegate.evaluateExpression("ring.tail - ring.head", top, result::set);
        Ui.waitFor("the watch expression's result", WAIT, () -> result.get() != null);
        assertFalse(result.get().hasErrors(), Arrays.toString(result.get().getErrorMessages()));
        assertEquals(top.evaluate("ring.tail - ring.head").text(), result.get().getValue().getValueString());
        var view = Workbench.page().showView(IDebugUIConstants.ID_VARIABLE_VIEW);
        Ui.waitFor("the Variables view lists Globals", WAIT, () -> Ui.treeTexts(view.getSite().getShell()).stream()
                .anyMatch(t -> t.startsWith("Globals")));
        TargetProbe.screenshot("05-variables");
        assertNotEquals(0, members.size());
    }
    @Test
    @Order(7)
    void aBookmarkIsAddedAndGoneTo() throws Exception {
        BookmarksView view = Workbench.show(BookmarksView.ID, BookmarksView.class);
        long at = stop().time();
        var added = view.add("lost-write");
        Ui.waitFor("the bookmark added", WAIT, added::isDone);
        assertFalse(added.isCompletedExceptionally(), "the session took the bookmark");
        Ui.waitFor("the bookmark in the view", WAIT, () -> view.bookmarks().stream()
                .anyMatch(b -> b.name().equals("lost-write") && b.time() == at));
        target.thread(stop().hart()).stepOver();
        probe.waitForStop("a step away from the bookmark");
        assertNotEquals(at, stop().time());
        ReverseJob job = view.goTo("lost-write");
        Ui.waitFor("the go-to job", WAIT, () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().toString());
        probe.waitForStop("the go-to stop");
        assertEquals(at, stop().time(), "back at the bookmark's time");
        TargetProbe.screenshot("06-bookmarks");
    }

    @Test
    @Order(8)
    void theTraceAndHistoryViewsFill() throws Exception {
        HistoryView history = Workbench.show(HistoryView.ID, HistoryView.class);
        history.scheduleRefresh();
        Ui.waitFor("the history view's time line", WAIT, () -> history.time() != null
                && history.time().frontier() > history.time().earliest() && !history.bookmarks().isEmpty());
        assertTrue(history.time().now() <= history.time().frontier());
        TargetProbe.screenshot("07-history");
        TraceView trace = Workbench.show(TraceView.ID, TraceView.class);
        // new events after the views opened: run forward to the exit
        target.resume();
        Ui.waitFor("the run to the exit", WAIT, () -> target.isSuspended() && !target.busy()
                && stop().reason() == StopReason.EXIT, probe::state);
        Ui.waitFor("stops in the history view", WAIT, () -> history.stops().stream()
                .anyMatch(st -> st.reason() == StopReason.EXIT));
        Ui.waitFor("every hart's lane has events", WAIT, () -> Arrays.stream(trace.lanes().perHart()).filter(n -> n > 0)
                .count() == 4);
        Ui.waitFor("trace batches (calls, traps) from the bus", WAIT, () -> trace.lanes().snapshot().marks().stream()
                .anyMatch(m -> m.label().startsWith("entry ")));
        TargetProbe.screenshot("08-trace");
    }

    @Test
    @Order(9)
    void theDisassemblyViewShowsThePcWithItsSourceLines() throws Exception {
        DisassemblyView view = Workbench.show(DisassemblyView.ID, DisassemblyView.class);
        view.scheduleRefresh();
        Ui.waitFor("instructions around the pc", WAIT, () -> view.rows().stream().anyMatch(DisassemblyView.Row::pc));
        assertTrue(view.rows().stream().anyMatch(r -> r.source().contains(":")), "some rows name their source line");
        TargetProbe.screenshot("09-disassembly");
    }

    @Test
    @Order(10)
    void reverseToLastWriteFindsTheLastStoreIntoTheCounter() throws Exception {
        long before = stop().time();
        RewindThread t = target.thread(stop().hart());
        ReverseJob job = ReverseToLastWriteHandler.job(t, null, "items_produced");
        job.schedule();
        Ui.waitFor("the reverse-to-last-write job", WAIT, () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().toString());
        probe.waitForStop("the stop after the write");
        assertTrue(stop().time() < before, "found backwards");
        int writer = stop().hart();
        assertTrue(writer >= 1 && writer <= 3, "a producer wrote the counter last: hart " + writer);
        assertEquals("count_item", probe.topFunction(writer));
        TargetProbe.screenshot("10-reverse-to-last-write");
    }
}
