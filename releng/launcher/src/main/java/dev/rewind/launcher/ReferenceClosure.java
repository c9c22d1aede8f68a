package dev.rewind.launcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The narrow start set of a command whose component says {@code rewind.start=references} (issue #16: {@code run}
 * starts 5 bundles instead of 16): the command's bundle, and the bundles whose Declarative Services components provide
 * a service that the command's component references, and so on through those components' references (optional ones
 * too), component by component rather than bundle by bundle. A bundle that registers a referenced service without a
 * component (from its activator: EventAdmin) brings in its whole bundle-level set ({@link StartSet}). The bundles these
 * only import packages from are resolved, not started: they are libraries to such a command.
 */
final class ReferenceClosure {

    static final String PROPERTY = "rewind.start";
    static final String REFERENCES = "references";

    private static final Pattern COMPONENT = Pattern.compile("<(?:\\w+:)?component\\b.*?</(?:\\w+:)?component>",
            Pattern.DOTALL);
    private static final Pattern PROVIDE = Pattern.compile("<provide\\s[^>]*?interface\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("<reference\\s[^>]*?interface\\s*=\\s*\"([^\"]+)\"");

    private ReferenceClosure() {
    }

    /** The services a component provides and the services it references, from its XML. */
    static final class Component {
        final Bundle bundle;
        final List<String> provides;
        final List<String> references;

        Component(Bundle bundle, List<String> provides, List<String> references) {
            this.bundle = bundle;
            this.provides = provides;
            this.references = references;
        }
    }

    /** Every component of each bundle (its {@code Service-Component} XML files). */
    static List<Component> components(List<Bundle> bundles) {
        List<Component> all = new ArrayList<>();
        for (Bundle b : bundles) {
            for (String xml : StartSet.componentXml(b)) {
                for (String c : componentElements(xml)) {
                    all.add(new Component(b, all(PROVIDE, c), all(REFERENCE, c)));
                }
            }
        }
        return all;
    }

    /** The components of {@code xml} (one Service-Component file). */
    static List<String> componentElements(String xml) {
        List<String> elements = new ArrayList<>();
        Matcher m = COMPONENT.matcher(xml);
        while (m.find()) {
            elements.add(m.group());
        }
        return elements;
    }

    /** The services a component's XML references. */
    static List<String> references(String componentXml) {
        return all(REFERENCE, componentXml);
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * The bundles to start for a component of {@code provider} that references {@code references}: the provider, the
     * bundles of the components providing them (transitively), and bundles registering one without a component.
     * The latter are returned in {@code bundleLevel}, for the caller to add with their bundle-level sets.
     */
    static Set<Bundle> of(Bundle provider, List<String> references, List<Bundle> candidates, Set<Bundle> bundleLevel) {
        List<Component> components = components(candidates);
        Set<Bundle> withComponents = new HashSet<>();
        for (Component c : components) {
            withComponents.add(c.bundle);
        }
        Set<Bundle> needed = new LinkedHashSet<>();
        needed.add(provider);
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(references);
        while (!todo.isEmpty()) {
            String service = todo.pop();
            if (!seen.add(service)) {
                continue;
            }
            for (Component c : components) {
                if (c.provides.contains(service)) {
                    needed.add(c.bundle);
                    todo.addAll(c.references);
                }
            }
            for (Bundle b : candidates) {
                if (!withComponents.contains(b) && declaresService(b, service)) {
                    needed.add(b);
                    bundleLevel.add(b);
                }
            }
        }
        return needed;
    }

    /** Whether {@code b} declares an {@code osgi.service} capability with {@code objectClass} {@code service}. */
    private static boolean declaresService(Bundle b, String service) {
        BundleRevision r = b.adapt(BundleRevision.class);
        if (r == null) {
            return false;
        }
        for (BundleCapability capability : r.getDeclaredCapabilities("osgi.service")) {
            Object classes = capability.getAttributes().get("objectClass");
            if (classes instanceof List<?> && ((List<?>) classes).contains(service) || service.equals(classes)) {
                return true;
            }
        }
        return false;
    }
}
