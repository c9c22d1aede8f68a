package dev.rewind.eclipse.core.launch;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.eclipse.core.Futures;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Launches a program (or opens a recording) through the {@code DebugSessions} OSGi service and adds its debug target
 * to the launch. Runs in the launch job, never on the UI thread; the wait for the session is cancellable.
 */
public final class RewindLaunchDelegate extends LaunchConfigurationDelegate {

    static final Duration START = Duration.ofSeconds(60);

    private ServiceTracker<DebugSessions, DebugSessions> tracker;

    private synchronized DebugSessions sessions() throws CoreException {
        if (tracker == null) {
            BundleContext bc = FrameworkUtil.getBundle(RewindLaunchDelegate.class).getBundleContext();
            tracker = new ServiceTracker<>(bc, DebugSessions.class, null);
            tracker.open();
            List<String> problems = RuntimeBundles.start(bc);
            if (!problems.isEmpty()) {
                org.eclipse.core.runtime.Platform.getLog(RewindLaunchDelegate.class).log(
                        org.eclipse.core.runtime.Status.warning("Rewind bundles not started: " + problems));
            }
        }
        try {
            DebugSessions s = tracker.waitForService(10_000);
            if (s == null) {
                throw Futures.error("the Rewind debug services (DebugSessions) are not running: is dev.rewind.debug"
                        + " started with Declarative Services?", null);
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Futures.error("interrupted while waiting for the debug services", e);
        }
    }

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        monitor.beginTask("Starting Rewind: " + configuration.getName(), 2);
        String recording = configuration.getAttribute(LaunchAttributes.RECORDING, "");
        DebugSessions sessions = sessions();
        CompletableFuture<DebugSession> f = recording.isBlank()
                ? sessions.launch(LaunchAttributes.launchConfig(configuration))
                : sessions.openRecording(Path.of(recording), LaunchAttributes.program(configuration),
                        LaunchAttributes.launchConfig(configuration).instrumentation());
        DebugSession session = await(f, monitor);
        monitor.worked(1);
        RewindDebugTarget target = new RewindDebugTarget(launch, session,
                LaunchAttributes.sourceDirectories(configuration));
        launch.setSourceLocator(new RewindSourceLocator(target));
        launch.addDebugTarget(target);
        target.start();
        if (!configuration.getAttribute(LaunchAttributes.STOP_ON_ENTRY, true)) {
            target.resume();
        }
        monitor.done();
    }

    private static DebugSession await(CompletableFuture<DebugSession> f, IProgressMonitor monitor)
            throws CoreException {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            if (monitor.isCanceled()) {
                f.thenAccept(DebugSession::end);
                throw new OperationCanceledException();
            }
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    f.thenAccept(DebugSession::end);
                    throw Futures.error("the session did not start within " + START.toSeconds() + " s", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Futures.error("interrupted while starting the session", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw Futures.error("cannot start the session: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
