package dev.rewind.trace.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.bus.EventCodec;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionManager;
import dev.rewind.debug.Stop;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.mcd.api.ApiVersion;
import dev.rewind.mcd.api.CoreConInfo;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.TraceCycle;
import dev.rewind.mcd.api.TraceFormat;
import dev.rewind.mcd.api.TraceFrame;
import dev.rewind.mcd.api.TraceInfo;
import dev.rewind.trace.EventKind;
import dev.rewind.trace.TraceBatch;
import dev.rewind.trace.TraceCut;
import dev.rewind.trace.TraceFunctions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A debug session that asks for a trace gets one on the bus, consistent with its time travel. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SessionTracingTest {
    static final Path DEMO = Path.of("../../tests/guest/elf/demo-rv32.elf");

    final List<Record> posted = new CopyOnWriteArrayList<>();
    final SessionManager manager = new SessionManager();
    final SessionTracing tracing = new SessionTracing(manager, r -> {
        EventCodec.fromProperties(r.getClass().asSubclass(Record.class), EventCodec.toProperties(r));
        posted.add(r);
    });

    @AfterEach
    void close() {
        tracing.close();
        manager.close();
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    long symbol(String name) throws Exception {
        return ElfLoader.parse(DEMO).symbol(name).orElseThrow().value();
    }

    List<TraceBatch> batches(String id) {
        return posted.stream().filter(r -> r instanceof TraceBatch b && b.trace().equals(id))
                .map(TraceBatch.class::cast).toList();
    }

    long events(String id) {
        return batches(id).stream().mapToLong(b -> b.times().length).sum();
    }

    boolean entryOf(String id, long address, int hart, long notAfter) {
        for (TraceBatch b : batches(id)) {
            for (int i = 0; i < b.times().length; i++) {
                if (b.hart() == hart && EventKind.of((int) b.kinds()[i]) == EventKind.ENTRY && b.a()[i] == address
                        && b.times()[i] <= notAfter) {
                    return true;
                }
            }
        }
        return false;
    }

    long entryTime(String id, long address, int hart) {
        for (TraceBatch b : batches(id)) {
            for (int i = 0; i < b.times().length; i++) {
                if (b.hart() == hart && EventKind.of((int) b.kinds()[i]) == EventKind.ENTRY && b.a()[i] == address) {
                    return b.times()[i];
                }
            }
        }
        throw new AssertionError("no entry of 0x" + Long.toHexString(address) + " on hart " + hart);
    }

    /** Times of the entries of {@code address} in the MCD trace 2 of {@code hart}'s core (mcd_read_trace_f). */
    List<Long> mcdEntries(DebugSession s, int hart, long address) throws Exception {
        McdApi api = s.adapt(McdApi.class).orElseThrow();
        api.initialize(ApiVersion.current());
        CoreConInfo system = api.qrySystems(0, 1).items().get(0);
        McdCore core = api.openCore(api.qryCores(system, 0, hart + 1).items().get(hart));
        try {
            List<TraceInfo> traces = core.qryTraces(0, core.qryTraces(0, 0).count()).items();
            assertThat(traces).hasSize(2);
            TraceInfo t = traces.get(1);
            assertThat(t.traceName()).startsWith("trace (calls,traps) of hart " + hart);
            assertThat(t.traceFormat()).isEqualTo(TraceFormat.EVENT);
            int n = core.readTrace(t.traceId(), 0, 0).count();
            if (n == 0) {
                return List.of();
            }
            return core.readTrace(t.traceId(), 0, n).items().stream()
                    .filter(f -> f.cycle() == TraceCycle.EXECUTE && f.addr().address() == address
                            && f.auxInfo() == EventKind.ENTRY.code())
                    .map(TraceFrame::timestamp).toList();
        } finally {
            core.close();
        }
    }

    Stop resumeToStop(DebugSession s) throws Exception {
        CompletableFuture<Stop> stop = s.nextStop();
        await(s.resume());
        return await(stop);
    }

    @Test
    void aSessionWithoutTraceIsNotTraced() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(DEMO).withHarts(2)));
        await(s.stepInstruction(0, 1000));
        assertThat(tracing.trace(s.id())).isEmpty();
        assertThat(posted).isEmpty();
    }

    @Test
    void batchesComeBeforeEachStopAndReplayIsNotPostedAgain() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(DEMO).withHarts(4)
                .withInstrumentation("trace", "calls,traps")));
        assertThat(tracing.trace(s.id())).isPresent();
        assertThat(posted).first().isInstanceOfSatisfying(TraceFunctions.class,
                f -> assertThat(f.trace()).isEqualTo(s.id()));
        await(s.addBreakpoint(BreakpointSpec.function("count_item")));
        Stop first = resumeToStop(s);
        long countItem = symbol("count_item");
        assertThat(entryOf(s.id(), symbol("main"), 0, first.time())).as("main entered on hart 0").isTrue();
        assertThat(entryOf(s.id(), symbol("hart_main"), first.hart(), first.time()))
                .as("the entry of hart_main on the stopping hart was posted before the stop").isTrue();
        assertThat(entryOf(s.id(), countItem, first.hart(), Long.MAX_VALUE))
                .as("stopped at count_item's first instruction: not entered yet").isFalse();
        assertThat(batches(s.id())).allSatisfy(b -> assertThat(java.util.Arrays.stream(b.times()).max().orElse(0))
                .isLessThanOrEqualTo(first.time()));
        long before = events(s.id());
        assertThat(mcdEntries(s, first.hart(), symbol("hart_main"))).as("the MCD trace of the core: the same entry")
                .containsExactly(entryTime(s.id(), symbol("hart_main"), first.hart()));

        await(s.goToTime(first.time() / 2));
        Stop again = resumeToStop(s);
        assertThat(again.time()).as("the same first hit, replayed").isEqualTo(first.time());
        assertThat(events(s.id())).as("replayed history is not posted again").isEqualTo(before);

        Stop live = resumeToStop(s);
        assertThat(live.time()).isGreaterThan(first.time());
        assertThat(entryOf(s.id(), countItem, first.hart(), live.time())).as("entered once resumed").isTrue();
        assertThat(events(s.id())).as("live execution beyond the frontier is posted").isGreaterThan(before);
        List<Long> sequences = batches(s.id()).stream().map(TraceBatch::sequence).toList();
        assertThat(sequences).as("no batch missing").isEqualTo(java.util.stream.LongStream
                .range(0, sequences.size()).boxed().toList());

        await(s.goToTime(first.time() / 2));
        assertThat(mcdEntries(s, first.hart(), symbol("hart_main"))).as("the MCD trace shows the past only").isEmpty();

        long cut = first.time() / 3;
        await(s.goToTime(cut));
        await(s.writeMemory(symbol("items_produced"), new byte[] {1, 0, 0, 0}));
        assertThat(posted).contains(new TraceCut(s.id(), cut));
    }

    /** Every event of trace {@code id} posted so far with a time up to {@code until}, as sorted text. */
    List<String> eventsUpTo(String id, long until) {
        List<String> out = new java.util.ArrayList<>();
        for (TraceBatch b : batches(id)) {
            for (int i = 0; i < b.times().length; i++) {
                if (b.times()[i] <= until) {
                    out.add(b.times()[i] + " " + b.hart() + " " + b.kinds()[i] + " " + b.a()[i] + " " + b.b()[i]);
                }
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    @Test
    void aSessionOpenedFromARecordingTracesTheRecordingsTimeline(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        DebugSession a = await(manager.launch(LaunchConfig.of(DEMO).withHarts(4)
                .withInstrumentation("trace", "calls,traps")));
        await(a.addBreakpoint(BreakpointSpec.function("count_item")));
        long t1 = resumeToStop(a).time();
        await(a.writeMemory(symbol("items_produced"), new byte[] {0, 0, 0, 0})); // history runs to t1 when opened
        long t2 = resumeToStop(a).time();
        assertThat(t2).isGreaterThan(t1);
        Path file = dir.resolve("demo.rwd");
        await(a.saveRecording(file));
        List<String> recorded = eventsUpTo(a.id(), t2);
        assertThat(eventsUpTo(a.id(), t1 - 1)).as("calls before the debugger write").isNotEmpty();

        DebugSession b = await(manager.openRecording(file, DEMO, java.util.Map.of("trace", "calls,traps")));
        assertThat(b.lastStop().time()).isZero();
        assertThat(tracing.trace(b.id())).isPresent();
        assertThat(tracing.trace(b.id()).orElseThrow().snapshot().lanes()).as("the history up to the write, traced")
                .anySatisfy(l -> assertThat(l.size()).isPositive());
        await(b.addBreakpoint(BreakpointSpec.function("count_item")));
        assertThat(resumeToStop(b).time()).as("the recording replays the first hit").isEqualTo(t1);
        assertThat(eventsUpTo(b.id(), t1 - 1)).as("the replayed history before the write, posted at the first stop")
                .isEqualTo(eventsUpTo(a.id(), t1 - 1));
        assertThat(resumeToStop(b).time()).isEqualTo(t2);
        assertThat(eventsUpTo(b.id(), t2)).as("and on past it, live: the recorded session's trace")
                .isEqualTo(recorded);

        await(b.goToTime(t1 / 2));
        assertThat(resumeToStop(b).time()).isEqualTo(t1);
        assertThat(eventsUpTo(b.id(), Long.MAX_VALUE)).as("replay again: nothing posted twice")
                .isEqualTo(eventsUpTo(b.id(), t2)).doesNotHaveDuplicates();
        List<Long> sequences = batches(b.id()).stream().map(TraceBatch::sequence).toList();
        assertThat(sequences).as("no batch missing").isEqualTo(java.util.stream.LongStream
                .range(0, sequences.size()).boxed().toList());
    }
}
