package dev.rewind.eclipse.core.launch;

import dev.rewind.debug.LaunchConfig;
import dev.rewind.eclipse.core.RewindDebug;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/** The attributes of a Rewind launch configuration and the session request they make. */
public final class LaunchAttributes {

    public static final String PROGRAM = RewindDebug.PLUGIN_ID + ".program";
    public static final String HARTS = RewindDebug.PLUGIN_ID + ".harts";
    /** RAM in MiB; 0 for the engine's default. */
    public static final String RAM_MIB = RewindDebug.PLUGIN_ID + ".ramMiB";
    public static final String QUANTUM = RewindDebug.PLUGIN_ID + ".quantum";
    /** Whether to keep a history (time travel). */
    public static final String HISTORY = RewindDebug.PLUGIN_ID + ".history";
    public static final String SNAPSHOT_INTERVAL = RewindDebug.PLUGIN_ID + ".snapshotInterval";
    /** List of source directories, searched for the DWARF paths. */
    public static final String SOURCE_DIRECTORIES = RewindDebug.PLUGIN_ID + ".sourceDirectories";
    public static final String STOP_ON_ENTRY = RewindDebug.PLUGIN_ID + ".stopOnEntry";
    /** A recording to open instead of launching the program (empty: launch). */
    public static final String RECORDING = RewindDebug.PLUGIN_ID + ".recording";

    /** What the session traces on the event bus for the Trace view ({@code calls,traps,mem=SYMBOL}); empty: nothing. */
    public static final String TRACE = RewindDebug.PLUGIN_ID + ".trace";

    private LaunchAttributes() {
    }

    /** Sets the defaults: 4 harts, history on, stop on entry, calls and traps traced. */
    public static void setDefaults(ILaunchConfigurationWorkingCopy wc) {
        wc.setAttribute(HARTS, 4);
        wc.setAttribute(RAM_MIB, 0);
        wc.setAttribute(QUANTUM, 0);
        wc.setAttribute(HISTORY, true);
        wc.setAttribute(SNAPSHOT_INTERVAL, (int) LaunchConfig.DEFAULT_SNAPSHOT_INTERVAL);
        wc.setAttribute(STOP_ON_ENTRY, true);
        wc.setAttribute(SOURCE_DIRECTORIES, List.of());
        wc.setAttribute(RECORDING, "");
        wc.setAttribute(TRACE, "calls,traps");
    }

    public static Path program(ILaunchConfiguration c) throws CoreException {
        String p = c.getAttribute(PROGRAM, "");
        if (p.isBlank()) {
            throw new CoreException(org.eclipse.core.runtime.Status.error("no program given in " + c.getName()));
        }
        return Path.of(p);
    }

    /** The session request: program, harts, RAM, quantum, history. */
    public static LaunchConfig launchConfig(ILaunchConfiguration c) throws CoreException {
        int harts = c.getAttribute(HARTS, 4);
        long ram = c.getAttribute(RAM_MIB, 0) * (1L << 20);
        int quantum = c.getAttribute(QUANTUM, 0);
        long interval = c.getAttribute(HISTORY, true) ? c.getAttribute(SNAPSHOT_INTERVAL,
                (int) LaunchConfig.DEFAULT_SNAPSHOT_INTERVAL) : 0;
        try {
            String trace = c.getAttribute(TRACE, "").trim();
            return LaunchConfig.of(program(c)).withHarts(harts).withRamSize(ram).withQuantum(quantum)
                    .withSnapshotInterval(interval).withInstrumentation("trace", trace.isEmpty() ? null : trace);
        } catch (IllegalArgumentException e) {
            throw new CoreException(org.eclipse.core.runtime.Status.error(c.getName() + ": " + e.getMessage(), e));
        }
    }

    /** The configured source directories, then the program's folder and up to three folders above it. */
    public static List<Path> sourceDirectories(ILaunchConfiguration c) throws CoreException {
        List<Path> dirs = new ArrayList<>();
        for (String d : c.getAttribute(SOURCE_DIRECTORIES, List.<String>of())) {
            dirs.add(Path.of(d));
        }
        Path dir = program(c).toAbsolutePath().getParent();
        for (int up = 0; dir != null && up < 4; up++, dir = dir.getParent()) {
            dirs.add(dir);
        }
        return dirs;
    }
}
