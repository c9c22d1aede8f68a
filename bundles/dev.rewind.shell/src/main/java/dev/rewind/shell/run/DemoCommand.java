package dev.rewind.shell.run;

import dev.rewind.emulator.elf.ElfImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.osgi.service.component.annotations.Component;

/**
 * {@code rewind demo}: runs the bundled 4-hart ring-buffer program (tests/guest/src/demo.c). Its producers
 * share a counter that one code path updates with a plain load and store, so an increment gets lost when
 * another hart's atomic update lands in between; Rewind's deterministic scheduler makes that happen on
 * every run, at the same instruction.
 */
@Component(service = DemoCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=demo"
})
public final class DemoCommand {

    static final String DEMO_ELF = "/demo/demo-rv32.elf";
    static final int DEMO_HARTS = 4;

    public Object demo(String... args) {
        return demo(args, System.out, System.err);
    }

    static int demo(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("rewind demo: takes no arguments (to run your own program: rewind run PROG.elf)");
            return ProgramRunner.EXIT_BAD_INPUT;
        }
        byte[] bytes;
        try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_ELF)) {
            if (in == null) {
                err.println("rewind demo: the demo program is missing from the shell bundle");
                return 1;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            err.println("rewind demo: cannot read the demo program: " + e.getMessage());
            return 1;
        }
        out.println("Rewind demo: " + DEMO_HARTS + " RV32 harts share a ring buffer (tests/guest/src/demo.c).");
        out.println("Hart 0 consumes; harts 1-3 produce and count their items in a shared counter.");
        out.println("------------------------------------------------------------------ guest console");
        out.flush();
        RunOptions options = new RunOptions();
        options.harts = DEMO_HARTS;
        options.stats = false;
        ProgramRunner runner = new ProgramRunner(out, err);
        ElfImage image = runner.parse("demo", bytes);
        if (image == null) {
            return 1;
        }
        ProgramRunner.Outcome outcome = runner.run("demo", image, options);
        out.println("------------------------------------------------------------------");
        long total = 0;
        for (int h = 0; h < DEMO_HARTS && outcome.machine() != null; h++) {
            total += outcome.machine().retired(h);
        }
        out.printf("%,d instructions on %d harts in %.2f s; the guest exited with code %d.%n", total, DEMO_HARTS,
                outcome.wallNanos() / 1e9, outcome.exitCode());
        if (outcome.exitCode() == 3) {
            out.println("The lost update is real and deterministic: it happens at the same instruction on every run.");
            out.println("The culprit is the plain load/store path in count_item(); watch 'items_produced' and step");
            out.println("backwards from the LOST UPDATE line to see which hart's store overwrote whose increment.");
            return 0;
        }
        return outcome.exitCode();
    }
}
