package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MCD API over one Rewind machine: system "Rewind", one device (the machine), one core
 * per hart. Create with {@link McdBackend}. Thread-safe.
 */
public final class RewindMcd implements McdApi {
    private final Target target;
    private final String deviceName;
    private final String instance;
    private final List<RewindCore> openCores = new ArrayList<>();
    private RewindServer server;
    private volatile ErrorInfo lastError = ErrorInfo.NONE;

    RewindMcd(Target target, String deviceName, String instance) {
        this.target = target;
        this.deviceName = deviceName;
        this.instance = instance;
    }

    Target target() {
        return target;
    }

    private <T> T remember(McdException e) throws McdException {
        lastError = e.toErrorInfo();
        throw e;
    }

    private void ok() {
        lastError = ErrorInfo.NONE;
    }

    @Override
    public ImplVersionInfo initialize(ApiVersion req) throws McdException {
        if (req.major() != McdConstants.API_VER_MAJOR || req.minor() > McdConstants.API_VER_MINOR) {
            return remember(new McdException(McdErrorCode.GENERAL, "incompatible versions: requested "
                    + req.major() + "." + req.minor() + ", implemented " + McdConstants.API_VER_MAJOR + "."
                    + McdConstants.API_VER_MINOR));
        }
        ok();
        return new ImplVersionInfo(ApiVersion.current(), 0, 1, 0, "Rewind", "2025");
    }

    @Override
    public synchronized void exit() {
        for (RewindCore c : List.copyOf(openCores)) {
            try {
                c.close();
            } catch (McdException e) {
                lastError = e.toErrorInfo();
            }
        }
        server = null;
        ok();
    }

    @Override
    public McdList<ServerInfo> qryServers(String host, boolean running, int startIndex, int num) throws McdException {
        try {
            McdList<ServerInfo> l = McdList.slice(List.of(new ServerInfo(Layout.SERVER, instance, "")), startIndex,
                    Integer.toUnsignedLong(num), "servers");
            ok();
            return l;
        } catch (McdException e) {
            return remember(e);
        }
    }

    @Override
    public synchronized McdServer openServer(String systemKey, String configString) throws McdException {
        if (server != null) {
            return remember(new McdException(McdErrorCode.CONNECTION, "server already open"));
        }
        server = new RewindServer(this, configString == null ? "" : configString);
        ok();
        return server;
    }

    synchronized void serverClosed(RewindServer s) throws McdException {
        if (server != s) {
            remember(new McdException(McdErrorCode.CONNECTION, "server not open"));
        }
        server = null;
        ok();
    }

    private CoreConInfo systemInfo() {
        return CoreConInfo.empty().withSystem(Layout.SYSTEM, "", instance);
    }

    private CoreConInfo deviceInfo() {
        return systemInfo().withDevice(deviceName, 0, 0);
    }

    private CoreConInfo coreInfo(int hart) {
        return deviceInfo().withCore("hart" + hart + " (rv" + target.engine.xlen() + ")", hart, Layout.EM_RISCV);
    }

    @Override
    public McdList<CoreConInfo> qrySystems(int startIndex, int num) throws McdException {
        try {
            McdList<CoreConInfo> l = McdList.slice(List.of(systemInfo()), startIndex, Integer.toUnsignedLong(num),
                    "systems");
            ok();
            return l;
        } catch (McdException e) {
            return remember(e);
        }
    }

    private void checkSystem(CoreConInfo c) throws McdException {
        if (!c.system().isEmpty() && !c.system().equals(Layout.SYSTEM)) {
            throw McdException.param("no system named '" + c.system() + "'");
        }
    }

    @Override
    public McdList<CoreConInfo> qryDevices(CoreConInfo system, int startIndex, int num) throws McdException {
        try {
            checkSystem(system);
            McdList<CoreConInfo> l = McdList.slice(List.of(deviceInfo()), startIndex, Integer.toUnsignedLong(num),
                    "devices");
            ok();
            return l;
        } catch (McdException e) {
            return remember(e);
        }
    }

    @Override
    public McdList<CoreConInfo> qryCores(CoreConInfo con, int startIndex, int num) throws McdException {
        try {
            checkSystem(con);
            if (!con.device().isEmpty() && !con.device().equals(deviceName)) {
                throw McdException.param("no device named '" + con.device() + "'");
            }
            List<CoreConInfo> all = new ArrayList<>();
            for (int h = 0; h < target.harts(); h++) {
                all.add(coreInfo(h));
            }
            McdList<CoreConInfo> l = McdList.slice(all, startIndex, Integer.toUnsignedLong(num), "cores");
            ok();
            return l;
        } catch (McdException e) {
            return remember(e);
        }
    }

    @Override
    public synchronized McdCore openCore(CoreConInfo c) throws McdException {
        try {
            checkSystem(c);
            if (c.coreId() < 0 || c.coreId() >= target.harts()) {
                throw McdException.param("no core with core-id " + Integer.toUnsignedString(c.coreId()) + " ("
                        + target.harts() + " cores)");
            }
            RewindCore core = new RewindCore(this, target, coreInfo(c.coreId()));
            openCores.add(core);
            ok();
            return core;
        } catch (McdException e) {
            return remember(e);
        }
    }

    synchronized void closed(RewindCore core) {
        openCores.remove(core);
    }

    @Override
    public ErrorInfo qryErrorInfo() {
        return lastError;
    }
}
