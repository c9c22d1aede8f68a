package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdException;
import dev.rewind.symbols.elf.ElfException;
import dev.rewind.symbols.elf.ElfSymbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code rewind demo}: the bundled 4-hart ring-buffer program (tests/guest/src/demo.c) runs to its LOST UPDATE,
 * then Rewind travels back through the writes of the shared counter until it finds the store that overwrote
 * another hart's increment. Everything goes through the MCD API and its time-travel extension, like any front end.
 */
@Component(service = DemoCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=demo",
    "rewind.synopsis=the bundled demo: 4 harts, a lost update, and time travel back to its cause"
})
public final class DemoCommand {

    static final String DEMO_ELF = "/demo/demo-rv32.elf";
    static final int HARTS = 4;
    static final String COUNTER = "items_produced";
    /** Bound on the backward search (each step is one reverse-continue to the previous write). */
    static final int MAX_WRITES_BACK = 5000;

    /** One write of the counter, as a reverse-continue landed on it. */
    record Write(long time, int hart, String where, long value) {
    }

    @org.osgi.service.component.annotations.Reference
    private dev.rewind.debug.DebugSessions sessions;

    public Object demo(String... args) {
        return demo(sessions, args, System.out, System.err);
    }

    static int demo(dev.rewind.debug.DebugSessions sessions, String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("rewind demo: takes no arguments (to run your own program: rewind run PROG.elf)");
            return 2;
        }
        byte[] elf;
        try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_ELF)) {
            if (in == null) {
                err.println("rewind demo: the demo program is missing from the bundle");
                return 1;
            }
            elf = in.readAllBytes();
        } catch (IOException e) {
            err.println("rewind demo: cannot read the demo program: " + e.getMessage());
            return 1;
        }
        out.println("Rewind demo: " + HARTS + " RV32 harts share a ring buffer (tests/guest/src/demo.c).");
        out.println("Hart 0 consumes; harts 1-3 produce and count their items in the shared counter " + COUNTER + ".");
        out.println("------------------------------------------------------------------ guest console");
        Path file;
        try {
            file = java.nio.file.Files.createTempFile("rewind-demo-", ".elf");
            java.nio.file.Files.write(file, elf);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            err.println("rewind demo: cannot write the demo program to a temporary file: " + e.getMessage());
            return 1;
        }
        try (McdTarget t = McdTarget.load(sessions, file, HARTS, 0)) {
            long start = System.nanoTime();
            CoreState end = t.run(0);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.print(t.console());
            out.println("------------------------------------------------------------------");
            out.printf("%,d instructions of virtual time on %d harts in %.2f s; %s%n", t.time(), HARTS, seconds,
                    end.stopStr());
            if (end.state() != CoreExecState.HALTED || !t.console().contains("LOST UPDATE")) {
                out.println("No lost update this time; nothing to look for.");
                return 0;
            }
            return hunt(t, out);
        } catch (McdException | ElfException | IOException e) {
            err.println("rewind demo: " + e.getMessage());
            return 1;
        }
    }

    /** Reverse-continues through the counter's writes until one does not increase it: the lost update. */
    private static int hunt(McdTarget t, PrintStream out) throws McdException {
        ElfSymbol counter = t.symbols().symbol(COUNTER).orElseThrow(
                () -> new McdException(dev.rewind.mcd.api.McdErrorCode.GENERAL, "the demo has no " + COUNTER));
        out.println();
        out.printf("Time travel: a write watchpoint on %s (0x%x), then reverse-continue from the end:%n",
                COUNTER, counter.value());
        t.triggers().addWatchpoint(counter.value(), 4, "w");
        long searchStart = System.nanoTime();
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < MAX_WRITES_BACK; i++) {
            CoreState st = t.travel(t.currentHart(), tt -> tt.reverseContinue());
            if (st.trigId() == 0) {
                break;
            }
            int hart = t.currentHart();
            Write w = new Write(t.time(), hart, Values.where(t.symbols(), t.pc(hart)),
                    Values.littleEndian(t.readMemory(counter.value(), 4)));
            writes.add(w);
            if (writes.size() <= 3) {
                out.printf("  time %,11d  hart %d  %-30s wrote %d%n", w.time(), w.hart(), w.where(), w.value());
            }
            int n = writes.size();
            if (n >= 2 && writes.get(n - 2).value() <= w.value()) {
                Write guilty = writes.get(n - 2);
                double ms = (System.nanoTime() - searchStart) / 1e6;
                if (n > 4) {
                    out.printf("  ... %d more writes back ...%n", n - 4);
                }
                if (n > 3) {
                    out.printf("  time %,11d  hart %d  %-30s wrote %d%n", w.time(), w.hart(), w.where(), w.value());
                }
                out.println();
                out.printf("Found it after %d reverse-continues (%.0f ms): at time %,d hart %d stored %d at %s,%n", n,
                        ms, guilty.time(), guilty.hart(), guilty.value(), guilty.where());
                out.printf("but hart %d had already written %d at time %,d. Hart %d loaded the counter before that%n",
                        w.hart(), w.value(), w.time(), guilty.hart());
                out.printf("increment and stored a stale value: the increment is lost (the plain load/store path%n");
                out.println("of count_item() in demo.c). It happens at the same instruction on every run.");
                out.println("Explore it yourself: ./rewind script tests/scripts/demo.gogo, or ./rewind shell with");
                out.println("  mcd:load tests/guest/elf/demo-rv32.elf 4, run, watch items_produced 4 w, reverse-continue.");
                return 0;
            }
        }
        out.println("No non-increasing write found within " + writes.size() + " writes back.");
        return 1;
    }
}
