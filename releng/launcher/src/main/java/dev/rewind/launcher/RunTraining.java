package dev.rewind.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The AOT cache's training run also runs {@code rewind run} (with {@code -Drewind.train=run}, after the command it was
 * started for, {@code dap --train}): the bundled demo (a few million instructions), so the cache
 * holds the classes and profiles of {@code run}'s path too (its options parser, the shell bundle, the translator's ASM):
 * about 0.1 s less CPU per start of {@code rewind run}.
 */
final class RunTraining {

    static final String DEMO_BUNDLE = "dev.rewind.mcd.shell";
    static final String DEMO_ENTRY = "demo/demo-rv32.elf";

    private RunTraining() {
    }

    static boolean wanted() {
        return "run".equals(System.getProperty("rewind.train"));
    }

    /** Runs {@code rewind:run} on the bundled demo; its exit code, or -1 when there is no demo to run. */
    static int run(BundleContext context, GogoSession commands, PrintStream err) {
        Path elf = null;
        try {
            elf = demo(context);
            if (elf == null) {
                err.println("rewind: training run of `run`: no bundled demo (" + DEMO_ENTRY + " of " + DEMO_BUNDLE + ")");
                return -1;
            }
            // the demo is a 4-hart program (~3 M instructions); its console goes to standard output
            int code = commands.invokeForExitCode("rewind:run",
                    List.of("--harts", "4", "--max-insns", "20000000", elf.toString()), err, err);
            err.println("rewind: training run of `run` on the bundled demo: exit code " + code);
            return code;
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

    private static Path demo(BundleContext context) throws IOException {
        for (Bundle b : context.getBundles()) {
            URL url = DEMO_BUNDLE.equals(b.getSymbolicName()) ? b.getEntry(DEMO_ENTRY) : null;
            if (url != null) {
                Path tmp = Files.createTempFile("rewind-train-run-", ".elf");
                try (InputStream in = url.openStream()) {
                    Files.write(tmp, in.readAllBytes());
                }
                return tmp;
            }
        }
        return null;
    }
}
