package dev.rewind.mcd.server;

import dev.rewind.mcd.api.CoreConInfo;
import dev.rewind.mcd.api.ErrorInfo;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * State shared by every connection of one wire server, so it survives a client reconnecting:
 * open servers by server-uid, open cores by core-uid (core id + 1) and the last error of each
 * core-uid (0 = calls without a core) for mcd-qry-error-info.
 */
final class WireState {
    /** The session served; replaced by {@code rewind-open-recording}. */
    volatile McdApi api;
    final SessionOpener opener;
    private final Map<Integer, McdServer> servers = new ConcurrentHashMap<>();
    private final Map<Integer, McdCore> cores = new ConcurrentHashMap<>();
    private final Map<Integer, ErrorInfo> errors = new ConcurrentHashMap<>();
    private final AtomicInteger nextServerUid = new AtomicInteger(1);

    WireState(McdApi api, SessionOpener opener) {
        this.api = api;
        this.opener = opener;
    }

    /**
     * Serves {@code next} from now on: the current session's machine is stopped (if that fails, nothing changes)
     * and all its servers and cores are closed; every core of {@code next} is opened (core-uid = core id + 1, as
     * always; no server needs to be opened for them). Returns the number of cores.
     */
    synchronized int replace(McdApi next) throws McdException {
        McdApi old = api;
        CoreConInfo oldSystem = old.qrySystems(0, 1).items().get(0);
        old.openCore(old.qryCores(oldSystem, 0, 1).items().get(0)).stop(true);
        old.exit();
        clearAll();
        api = next;
        CoreConInfo sys = next.qrySystems(0, 1).items().get(0);
        int n = next.qryCores(sys, 0, 0).count();
        for (CoreConInfo c : next.qryCores(sys, 0, n).items()) {
            addCore(next.openCore(c));
        }
        return n;
    }

    int addServer(McdServer s) {
        int uid = nextServerUid.getAndIncrement();
        servers.put(uid, s);
        return uid;
    }

    McdServer server(int uid) throws McdException {
        McdServer s = servers.get(uid);
        if (s == null) {
            throw new McdException(McdErrorCode.CONNECTION, "server not open: server-uid " + Integer.toUnsignedString(uid));
        }
        return s;
    }

    void removeServer(int uid) {
        servers.remove(uid);
    }

    /** Registers an opened core; returns its uid. An already open core keeps its uid. */
    int addCore(McdCore core) {
        int uid = core.conInfo().coreId() + 1;
        cores.put(uid, core);
        return uid;
    }

    McdCore existingCore(int uid) {
        return cores.get(uid);
    }

    McdCore core(int uid) throws McdException {
        McdCore c = cores.get(uid);
        if (c == null) {
            throw new McdException(McdErrorCode.CONNECTION, "core not open: core-uid " + Integer.toUnsignedString(uid));
        }
        return c;
    }

    void removeCore(int uid) {
        cores.remove(uid);
    }

    void clearAll() {
        servers.clear();
        cores.clear();
    }

    void recordError(int uid, ErrorInfo info) {
        errors.put(uid, info);
    }

    ErrorInfo lastError(int uid) {
        return errors.getOrDefault(uid, ErrorInfo.NONE);
    }
}
