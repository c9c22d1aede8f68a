package dev.rewind.mcd.instrument;

import dev.rewind.mcd.api.ApiVersion;
import dev.rewind.mcd.api.CoreConInfo;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdException;
import java.util.Optional;

/** Finding the {@link Instrumentation} of the machine behind an MCD API. */
public final class Instrumentations {
    private Instrumentations() {
    }

    /**
     * The instrumentation of {@code api}'s machine (opens its first core for the moment it takes), or empty when the
     * back end offers none.
     */
    public static Optional<Instrumentation> of(McdApi api) throws McdException {
        api.initialize(ApiVersion.current());
        CoreConInfo system = api.qrySystems(0, 1).items().get(0);
        McdCore core = api.openCore(api.qryCores(system, 0, 1).items().get(0));
        try {
            return core.adapt(Instrumentation.class);
        } finally {
            core.close();
        }
    }
}
