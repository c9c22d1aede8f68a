package dev.rewind.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The bundles one subcommand needs, so that {@code rewind run} starts its guest without starting the debug adapter,
 * the GDB stub, the MCD server and the rest. From the bundles' own metadata only: the bundle whose Declarative
 * Services component provides the Gogo command {@code rewind:X} (its component XML), then everything it is wired to
 * (packages, the DS extender) and every bundle that declares an {@code osgi.service} capability matching one of its
 * {@code osgi.service} requirements (bnd writes both from {@code @Component} and {@code @Reference}), and so on.
 * Null when no bundle declares the command (the caller then starts every bundle, as before). A command component with
 * the property {@code rewind.start=references} gets a narrower set, component by component ({@link ReferenceClosure}).
 */
final class StartSet {

    private static final String SERVICE = "osgi.service";
    private static final Pattern PROPERTY = Pattern.compile("<property\\s([^>]*?)(/>|>([^<]*)</property>)", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

    private StartSet() {
    }

    /**
     * The bundles of {@code installed} to start for {@code rewind:command} (in their order): what the command's bundle
     * and the user's {@code plugins} need; null when no bundle declares the command.
     */
    static List<Bundle> of(String command, List<Bundle> installed, List<Bundle> plugins, FrameworkWiring wiring) {
        Bundle provider = null;
        String component = null;
        for (Bundle b : installed) {
            component = commandComponent(b, "rewind", command);
            if (component != null) {
                provider = b;
                break;
            }
        }
        if (provider == null) {
            return null;
        }
        List<Bundle> candidates = new ArrayList<>(installed);
        candidates.addAll(plugins);
        Set<Bundle> needed = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>(plugins);
        if (has(component, ReferenceClosure.PROPERTY, ReferenceClosure.REFERENCES)) {
            // component by component; the DS extender and bundles registering services without components as before
            Set<Bundle> bundleLevel = new LinkedHashSet<>();
            Set<Bundle> narrow = ReferenceClosure.of(provider, ReferenceClosure.references(component), candidates,
                    bundleLevel);
            for (Bundle b : narrow) {
                wiring.resolveBundles(List.of(b));
                if (!bundleLevel.contains(b)) {
                    needed.add(b);
                    todo.addAll(providers(b, "osgi.extender"));
                }
            }
            todo.addAll(bundleLevel);
        } else {
            todo.push(provider);
        }
        while (!todo.isEmpty()) {
            Bundle b = todo.pop();
            if (!needed.add(b)) {
                continue;
            }
            wiring.resolveBundles(List.of(b));
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w != null) {
                for (BundleWire wire : w.getRequiredWires(null)) {
                    todo.push(wire.getProvider().getBundle());
                }
            }
            todo.addAll(serviceProviders(b, candidates));
        }
        List<Bundle> ordered = new ArrayList<>();
        for (Bundle b : installed) {
            if (needed.contains(b)) {
                ordered.add(b);
            }
        }
        return ordered;
    }

    /** Bundles declaring an {@code osgi.service} capability that one of {@code b}'s service requirements matches. */
    private static List<Bundle> serviceProviders(Bundle b, List<Bundle> installed) {
        List<Bundle> providers = new ArrayList<>();
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision == null) {
            return providers;
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(SERVICE)) {
            Filter filter = filter(requirement.getDirectives().get("filter"));
            if (filter == null) {
                continue;
            }
            for (Bundle other : installed) {
                BundleRevision r = other.adapt(BundleRevision.class);
                if (other == b || r == null) {
                    continue;
                }
                for (BundleCapability capability : r.getDeclaredCapabilities(SERVICE)) {
                    if (filter.matches(capability.getAttributes())) {
                        providers.add(other);
                        break;
                    }
                }
            }
        }
        return providers;
    }

    private static Filter filter(String text) {
        if (text == null) {
            return null;
        }
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            return null;   // a malformed filter in a manifest: that requirement brings in nothing
        }
    }

    /** Whether a DS component of {@code b} has the properties {@code osgi.command.scope=scope} and function. */
    static boolean declaresCommand(Bundle b, String scope, String function) {
        return commandComponent(b, scope, function) != null;
    }

    /** The XML of the DS component of {@code b} that declares the command {@code scope:function}; null if none. */
    static String commandComponent(Bundle b, String scope, String function) {
        for (String xml : componentXml(b)) {
            for (String component : ReferenceClosure.componentElements(xml)) {
                if (has(component, "osgi.command.scope", scope) && has(component, "osgi.command.function", function)) {
                    return component;
                }
            }
        }
        return null;
    }

    /** The component XML files named by {@code b}'s {@code Service-Component} header (readable ones, no patterns). */
    static List<String> componentXml(Bundle b) {
        List<String> files = new ArrayList<>();
        String header = b.getHeaders().get("Service-Component");
        if (header != null) {
            for (String path : header.split(",")) {
                String xml = entry(b, path.trim());
                if (xml != null) {
                    files.add(xml);
                }
            }
        }
        return files;
    }

    /** The bundles {@code b} is wired to in {@code namespace}. */
    private static List<Bundle> providers(Bundle b, String namespace) {
        List<Bundle> found = new ArrayList<>();
        BundleWiring w = b.adapt(BundleWiring.class);
        if (w != null) {
            for (BundleWire wire : w.getRequiredWires(namespace)) {
                found.add(wire.getProvider().getBundle());
            }
        }
        return found;
    }

    /** Whether a {@code <property>} of the component XML named {@code name} has {@code value} (or holds it as a line). */
    static boolean has(String xml, String name, String value) {
        Matcher m = PROPERTY.matcher(xml);
        while (m.find()) {
            Map<String, String> attributes = new java.util.HashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2));
            }
            if (!name.equals(attributes.get("name"))) {
                continue;
            }
            if (value.equals(attributes.get("value"))) {
                return true;
            }
            if (m.group(3) != null) {
                for (String line : m.group(3).split("\\R")) {
                    if (value.equals(line.trim())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String entry(Bundle b, String path) {
        if (path.isEmpty() || path.contains("*")) {
            return null;
        }
        URL url = b.getEntry(path);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;   // an unreadable entry declares nothing; the caller falls back to starting every bundle
        }
    }
}
