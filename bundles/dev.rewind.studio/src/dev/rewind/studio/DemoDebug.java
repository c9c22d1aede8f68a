package dev.rewind.studio;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;

/**
 * The self-check's debug run: launches the demo's configuration in debug mode (off the UI thread), waits a bounded
 * time (woken by debug events) for its debug target to show its threads (one per hart) and suspend, then terminates
 * it. One report line.
 */
final class DemoDebug {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private DemoDebug() {
    }

    static String launchAndTerminate() {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(DemoLaunch.TYPE);
        if (type == null) {
            return "debugLaunch\t-\tno launch type";
        }
        ILaunch launch = null;
        try {
            ILaunchConfiguration config = find(manager, type);
            if (config == null) {
                return "debugLaunch\t-\tno configuration " + DemoLaunch.NAME;
            }
            long start = System.nanoTime();
            CountDownLatch ready = new CountDownLatch(1);
            AtomicReference<ILaunch> launched = new AtomicReference<>();
            IDebugEventSetListener listener = events -> {
                ILaunch l = launched.get();
                if (l != null && ready(l)) {
                    ready.countDown();
                }
            };
            DebugPlugin.getDefault().addDebugEventListener(listener);
            try {
                launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
                launched.set(launch);
                if (ready(launch)) { // it may have suspended before the launch call returned
                    ready.countDown();
                }
                ready.await(TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
            } finally {
                DebugPlugin.getDefault().removeDebugEventListener(listener);
            }
            IDebugTarget[] targets = launch.getDebugTargets();
            int threads = targets.length > 0 ? targets[0].getThreads().length : 0;
            boolean suspended = targets.length > 0 && targets[0].isSuspended();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return "debugLaunch\t" + config.getName() + "\tthreads=" + threads + "\tsuspended=" + suspended + "\tms="
                    + ms;
        } catch (CoreException | RuntimeException e) {
            return "debugLaunch\t-\tfailed\t" + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "debugLaunch\t-\tinterrupted";
        } finally {
            terminate(launch);
        }
    }

    /** Whether the launch's target shows its threads and is suspended (asked again on every debug event). */
    private static boolean ready(ILaunch launch) {
        IDebugTarget[] targets = launch.getDebugTargets();
        try {
            return targets.length > 0 && targets[0].getThreads().length > 0 && targets[0].isSuspended();
        } catch (DebugException e) {
            return false;
        }
    }

    private static ILaunchConfiguration find(ILaunchManager manager, ILaunchConfigurationType type)
            throws CoreException {
        for (ILaunchConfiguration config : manager.getLaunchConfigurations(type)) {
            if (config.getName().equals(DemoLaunch.NAME)) {
                return config;
            }
        }
        return null;
    }

    private static void terminate(ILaunch launch) {
        if (launch == null || launch.isTerminated()) {
            return;
        }
        try {
            launch.terminate();
        } catch (DebugException e) {
            org.eclipse.core.runtime.ILog.of(DemoDebug.class).log(e.getStatus());
        }
    }
}
