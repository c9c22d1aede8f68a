package dev.rewind.shell;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code rewind:version}: the Rewind version and the Java runtime it runs on. */
@Component(service = VersionCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=version",
    "rewind.synopsis=Rewind and Java versions"
})
public final class VersionCommand {

    private final String version;

    @Activate
    public VersionCommand(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    public String version() {
        return "Rewind " + version + " on Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }
}
