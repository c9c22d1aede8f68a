package dev.rewind.tests.equinox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewind.bus.BusPing;
import dev.rewind.bus.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.debug.core.DebugPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The bundles of the p2 site resolve and activate in Equinox next to Eclipse Platform Debug. */
class RewindBundlesInEquinoxTest {

    /** Every bundle the feature (and so the update site) ships. */
    private static final List<String> SITE_BUNDLES = List.of(
            "dev.rewind.emulator", "dev.rewind.bus", "dev.rewind.plugin.api", "dev.rewind.plugins", "dev.rewind.trace",
            "dev.rewind.shell", "dev.rewind.mcd",
            "dev.rewind.mcd.server", "dev.rewind.mcd.shell", "com.google.gson", "picocli", "org.objectweb.asm");

    private static BundleContext context;

    @BeforeAll
    static void startSiteBundles() throws Exception {
        context = FrameworkUtil.getBundle(RewindBundlesInEquinoxTest.class).getBundleContext();
        for (String name : SITE_BUNDLES) {
            bundle(name).start();
        }
    }

    private static Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    @Test
    void everySiteBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (String name : SITE_BUNDLES) {
            if (bundle(name).getState() != Bundle.ACTIVE) {
                notActive.add(name + " (state " + bundle(name).getState() + ")");
            }
        }
        assertEquals(List.of(), notActive);
    }

    @Test
    void platformDebugIsActiveBesideRewind() {
        assertNotNull(DebugPlugin.getDefault(), "org.eclipse.debug.core did not activate");
        assertEquals(Bundle.ACTIVE, bundle("org.eclipse.debug.core").getState());
        assertNotNull(DebugPlugin.getDefault().getLaunchManager());
    }

    @Test
    void eventBusDeliversThroughEquinoxEventAdmin() throws Exception {
        ServiceTracker<EventBus, EventBus> tracker = new ServiceTracker<>(context, EventBus.class, null);
        tracker.open();
        try {
            EventBus bus = tracker.waitForService(10_000);
            assertNotNull(bus, "the EventBus service (a DS component) did not appear");
            CompletableFuture<BusPing> received = new CompletableFuture<>();
            try (EventBus.Subscription s = bus.subscribe(BusPing.class, received::complete)) {
                bus.post(new BusPing("from equinox", 42));
                BusPing ping = received.get(10, TimeUnit.SECONDS);
                assertEquals(new BusPing("from equinox", 42), ping);
            }
        } finally {
            tracker.close();
        }
        assertTrue(bundle("org.eclipse.equinox.event").getState() == Bundle.ACTIVE);
    }
}
