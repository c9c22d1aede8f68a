package dev.rewind.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code rewind run} without the OSGi runtime, when nothing of OSGi can take part in the run (issue #16): the run
 * command ({@code dev.rewind.shell.run.RunCommand}, a DS component whose only reference, the plugin registry, is
 * optional) is called from a class loader over the few jars it uses (the shell, the engine, the plugin API, picocli,
 * ASM) instead of from a started Felix with SCR, EventAdmin, Gogo and the bus. It applies only when the user's
 * plugins folder holds no jar: the runtime's own bundles register no plugin, so the registry would attach nothing to
 * the run's machine and the run is the same (its output, exit code and engine). Felix's start, the 9 bundles' start
 * and the runtime's stop (~0.3 s of a start's CPU) are what it saves. {@code -Drewind.flat=false} (or
 * {@code -Drewind.lazy=false}) starts the OSGi runtime as before; so does a runtime that lacks one of the jars.
 */
final class FlatRun {

    /** The jars of the run, by the start of their file names (NAME-VERSION.jar). */
    static final List<String> JARS = List.of("dev.rewind.shell", "dev.rewind.emulator", "dev.rewind.plugin.api",
            "dev.rewind.plugins", "picocli", "asm");
    static final String COMMAND_CLASS = "dev.rewind.shell.run.RunCommand";

    private FlatRun() {
    }

    /** Whether {@code command} runs flat: {@code run}, no user plugin, and neither switch turned it off. */
    static boolean applies(String command, LaunchOptions options) {
        return "run".equals(command) && !"false".equals(System.getProperty("rewind.flat"))
                && !"false".equals(System.getProperty("rewind.lazy"))
                && RuntimeBundles.jarsIn(options.pluginsDir()).isEmpty();
    }

    /** The run's jars in {@code bundlesDir}, in the order of {@link #JARS}; null when one is missing. */
    static List<Path> jars(Path bundlesDir) {
        List<Path> all = RuntimeBundles.jarsIn(bundlesDir);
        List<Path> jars = new ArrayList<>();
        for (String name : JARS) {
            Path found = null;
            for (Path jar : all) {
                String file = jar.getFileName().toString();
                if (file.length() > name.length() + 1 && file.startsWith(name + "-")
                        && Character.isDigit(file.charAt(name.length() + 1))) {
                    found = jar;
                }
            }
            if (found == null) {
                return null;
            }
            jars.add(found);
        }
        return jars;
    }

    /**
     * The loader of the run: the JVM's class path when the launcher script put the run's jars there (from an AOT cache
     * its classes then come loaded and linked, {@code releng/scripts/jvmopts.sh}), else {@link #loader(List)}.
     */
    static ClassLoader loaderOf(List<Path> jars) {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        return app.getResource(COMMAND_CLASS.replace('.', '/') + ".class") != null ? app : loader(jars);
    }

    /**
     * A class loader over {@code jars} whose parent is the JDK's platform loader: none of the launcher's classes
     * (Felix) is seen, as none is by a bundle (the run's classes use OSGi's only as annotations kept in class files).
     */
    static ClassLoader loader(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return new URLClassLoader("rewind-run", urls, ClassLoader.getPlatformClassLoader());
    }

    /**
     * Runs the run command with {@code args} from {@code loader}; its exit code as the OSGi path gives it
     * ({@link GogoSession#invokeForExitCode}).
     */
    static int run(ClassLoader loader, List<String> args, PrintStream out, PrintStream err) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = Class.forName(COMMAND_CLASS, true, loader);
            Object command = type.getConstructor().newInstance();
            Method run = type.getMethod("run", String[].class);
            Timeline.mark("run command loaded (no OSGi runtime)");
            return GogoSession.exitCode(run.invoke(command, (Object) args.toArray(new String[0])), out);
        } catch (InvocationTargetException e) {
            return GogoSession.exitCode(e, err);
        } catch (ReflectiveOperationException | LinkageError e) {
            err.println("rewind: cannot call the run command: " + e);
            return Main.EXIT_FAILURE;
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /**
     * The training run of {@code run}'s AOT cache on the flat path: the bundled demo ({@link RunTraining}) read from
     * its bundle's jar and run as {@code rewind run} runs it; its exit code, or -1 when there is no demo or jar.
     */
    static int train(Path bundlesDir, PrintStream err) {
        List<Path> jars = jars(bundlesDir);
        Path demoJar = null;
        for (Path jar : RuntimeBundles.jarsIn(bundlesDir)) {
            if (jar.getFileName().toString().startsWith(RunTraining.DEMO_BUNDLE + "-")) {
                demoJar = jar;
            }
        }
        if (jars == null || demoJar == null) {
            return -1;
        }
        try (ZipFile zip = new ZipFile(demoJar.toFile())) {
            ZipEntry entry = zip.getEntry(RunTraining.DEMO_ENTRY);
            if (entry == null) {
                return -1;
            }
            return RunTraining.onDemo(() -> zip.getInputStream(entry), a -> run(loaderOf(jars), a, err, err), err);
        } catch (IOException e) {
            err.println("rewind: training run of `run` without OSGi: " + e.getMessage());
            return -1;
        }
    }
}
