package dev.rewind.launcher;

import java.nio.file.Path;
import java.util.List;

/** Options that come before the subcommand: {@code --plugins DIR}. */
final class LaunchOptions {

    private final Path pluginsDir;
    private final Path runtimeDir;

    private LaunchOptions(Path pluginsDir, Path runtimeDir) {
        this.pluginsDir = pluginsDir;
        this.runtimeDir = runtimeDir;
    }

    /** Consumes the leading launcher options from {@code args}, leaving the subcommand and its arguments. */
    static LaunchOptions parse(List<String> args) {
        Path plugins = defaultPluginsDir();
        while (!args.isEmpty() && args.get(0).startsWith("--plugins")) {
            String option = args.remove(0);
            if (option.startsWith("--plugins=")) {
                plugins = Path.of(option.substring("--plugins=".length()));
            } else if (option.equals("--plugins")) {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("--plugins needs a folder");
                }
                plugins = Path.of(args.remove(0));
            } else {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new LaunchOptions(plugins, locateRuntime());
    }

    /** Options naming the plugins folder and the runtime folder (the one holding {@code bundles/}) directly. */
    static LaunchOptions of(Path pluginsDir, Path runtimeDir) {
        return new LaunchOptions(pluginsDir, runtimeDir);
    }

    /** {@code $REWIND_PLUGINS}, else {@code $XDG_CONFIG_HOME/rewind/plugins}, else {@code ~/.config/rewind/plugins}. */
    static Path defaultPluginsDir() {
        String explicit = System.getenv("REWIND_PLUGINS");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("rewind").resolve("plugins");
    }

    /** The runtime folder is the one holding rewind.jar; its bundles/ folder has the runtime's bundles. */
    private static Path locateRuntime() {
        String override = System.getProperty("rewind.runtime");
        if (override != null) {
            return Path.of(override);
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the Rewind runtime folder: " + e, e);
        }
    }

    Path pluginsDir() {
        return pluginsDir;
    }

    Path bundlesDir() {
        return runtimeDir.resolve("bundles");
    }
}
