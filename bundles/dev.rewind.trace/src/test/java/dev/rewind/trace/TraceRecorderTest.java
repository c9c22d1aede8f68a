package dev.rewind.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraceRecorderTest {

    static ElfImage demo() throws Exception {
        return ElfLoader.parse(Path.of("../../tests/guest/elf/demo-rv32.elf"));
    }

    record Run(Machine m, TraceRecorder rec, CollectingConsole console, List<Record> posted) {
    }

    static Run run(ElfImage img, String what, boolean jit) {
        CollectingConsole console = ConsoleSink.collecting();
        Machine m = new Machine(MachineConfig.defaults(32).withHarts(4), console, InputSource.none());
        m.setTranslation(jit, 20);
        m.load(img);
        List<Record> posted = new ArrayList<>();
        TraceRecorder rec = new TraceRecorder("demo", TraceOptions.parse(what, img, 16 << 20),
                FunctionTable.of(img), posted::add);
        assertThat(m.plugins().install(rec)).isEmpty();
        assertThat(m.run(50_000_000).reason()).isEqualTo(StopReason.EXITED);
        rec.flush();
        return new Run(m, rec, console, posted);
    }

    @Test
    void recordsCallsTrapsUartStoresAndExitsOfEveryHart() throws Exception {
        ElfImage img = demo();
        long counter = img.symbol("items_produced").orElseThrow().value();
        long hartMain = img.symbol("hart_main").orElseThrow().value();
        long main = img.symbol("main").orElseThrow().value();
        Run r = run(img, "calls,traps,uart,mem=items_produced", true);
        Trace t = r.rec().snapshot();
        assertThat(t.lanes()).hasSize(4);
        StringBuilder uart = new StringBuilder();
        List<long[]> uartEvents = new ArrayList<>();
        long lastStore = -1;
        long lastStoreValue = 0;
        for (Lane l : t.lanes()) {
            int entries = 0;
            int exits = 0;
            boolean hartMainEntered = false;
            for (int i = 0; i < l.size(); i++) {
                EventKind k = EventKind.of(l.kind()[i]);
                if (i > 0) {
                    assertThat(l.time()[i]).isGreaterThanOrEqualTo(l.time()[i - 1]);
                }
                switch (k) {
                    case ENTRY -> {
                        entries++;
                        hartMainEntered |= l.a()[i] == (l.hart() == 0 ? main : hartMain);
                    }
                    case EXIT -> exits++;
                    case UART -> uartEvents.add(new long[] {l.time()[i], l.a()[i]});
                    case STORE -> {
                        assertThat(l.a()[i]).isEqualTo(counter);
                        if (l.time()[i] > lastStore) {
                            lastStore = l.time()[i];
                            lastStoreValue = l.b()[i];
                        }
                    }
                    default -> {
                    }
                }
            }
            assertThat(entries).as("hart " + l.hart()).isPositive();
            assertThat(hartMainEntered).as("hart " + l.hart() + " entered main (hart 0) or hart_main").isTrue();
            assertThat(exits).isEqualTo(1);
        }
        uartEvents.sort((x, y) -> Long.compare(x[0], y[0]));
        for (long[] e : uartEvents) {
            uart.append((char) e[1]);
        }
        assertThat(uart.toString()).as("UART bytes in time order are the console output")
                .isEqualTo(r.console().text()).isNotEmpty();
        byte[] mem = new byte[4];
        r.m().readMemory(counter, mem, 0, 4);
        assertThat(lastStoreValue).as("the last store traced is the counter's final value")
                .isEqualTo(ByteBuffer.wrap(mem).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
        long batched = r.posted().stream().filter(p -> p instanceof TraceBatch)
                .mapToLong(p -> ((TraceBatch) p).times().length).sum();
        assertThat(batched).as("every event went out in a batch").isEqualTo(t.events());
        assertThat(r.posted().get(0)).isInstanceOf(TraceFunctions.class);
    }

    @Test
    void theSameTraceInterpretedAndTranslated() throws Exception {
        ElfImage img = demo();
        Trace a = run(img, "calls,traps,uart,blocks,mem=items_produced", false).rec().snapshot();
        Trace b = run(img, "calls,traps,uart,blocks,mem=items_produced", true).rec().snapshot();
        for (int h = 0; h < 4; h++) {
            Lane x = a.lanes().get(h);
            Lane y = b.lanes().get(h);
            assertThat(y.time()).isEqualTo(x.time());
            assertThat(y.kind()).isEqualTo(x.kind());
            assertThat(y.a()).isEqualTo(x.a());
            assertThat(y.b()).isEqualTo(x.b());
        }
    }

    @Test
    void ringsKeepTheNewestEventsWithinTheirCapacity() {
        EventRing ring = new EventRing(4);
        for (int i = 0; i < 10; i++) {
            ring.add(i, EventKind.BLOCK.code(), i, 0);
        }
        Lane l = ring.snapshot(0);
        assertThat(l.time()).containsExactly(6, 7, 8, 9);
        assertThat(l.dropped()).isEqualTo(6);
        ring.truncateAfter(7);
        assertThat(ring.snapshot(0).time()).containsExactly(6, 7);
        ring.add(8, EventKind.EXIT.code(), 0, 0);
        assertThat(ring.snapshot(0).time()).containsExactly(6, 7, 8);
    }
}
