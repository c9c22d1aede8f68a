package dev.rewind.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * {@code rewind train-run} (not listed in the usage): the training run of the AOT cache that {@code rewind run} starts
 * from ({@code releng/scripts/jvmopts.sh}). With the bundles {@code run} starts, it runs {@code rewind:run} on the
 * bundled demo (4 harts, ~3 M instructions), so the cache holds the classes and profiles of {@code run}'s path (its
 * options parser, the shell bundle, the translator's ASM) and none of the debug path's.
 */
final class RunTraining {

    static final String COMMAND = "train-run";
    static final String DEMO_BUNDLE = "dev.rewind.mcd.shell";
    static final String DEMO_ENTRY = "demo/demo-rv32.elf";

    private RunTraining() {
    }

    /** Runs {@code rewind:run} on the bundled demo; its exit code, or -1 when there is no demo to run. */
    static int run(BundleContext context, GogoSession commands, PrintStream err) {
        URL url = null;
        for (Bundle b : context.getBundles()) {
            if (DEMO_BUNDLE.equals(b.getSymbolicName()) && (url = b.getEntry(DEMO_ENTRY)) != null) {
                break;
            }
        }
        if (url == null) {
            err.println("rewind: training run of `run`: no bundled demo (" + DEMO_ENTRY + " of " + DEMO_BUNDLE + ")");
            return -1;
        }
        // the demo is a 4-hart program (~3 M instructions); its console goes to standard output
        int code = onDemo(url::openStream, args -> commands.invokeForExitCode("rewind:run", args, err, err), err);
        err.println("rewind: training run of `run` on the bundled demo: exit code " + code);
        return code;
    }

    /** Where the training run's demo comes from (a bundle's entry, or the entry of its jar). */
    interface Demo {
        InputStream open() throws IOException;
    }

    /**
     * The demo copied to a temporary file, {@code run} called with the training run's arguments on it (4 harts, at most
     * 2e7 instructions), the file deleted: {@code run}'s exit code, or -1 when the demo cannot be copied.
     */
    static int onDemo(Demo demo, ToIntFunction<List<String>> run, PrintStream err) {
        Path elf = null;
        try {
            elf = Files.createTempFile("rewind-train-run-", ".elf");
            try (InputStream in = demo.open()) {
                Files.write(elf, in.readAllBytes());
            }
            return run.applyAsInt(List.of("--harts", "4", "--max-insns", "20000000", elf.toString()));
        } catch (IOException e) {
            err.println("rewind: training run of `run`: " + e.getMessage());
            return -1;
        } finally {
            if (elf != null) {
                try {
                    Files.deleteIfExists(elf);
                } catch (IOException e) {
                    err.println("rewind: cannot delete " + elf + ": " + e.getMessage());
                }
            }
        }
    }
}
