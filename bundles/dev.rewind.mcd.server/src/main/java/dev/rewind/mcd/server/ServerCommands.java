package dev.rewind.mcd.server;

import dev.rewind.mcd.api.CoreConInfo;
import dev.rewind.mcd.api.McdList;
import dev.rewind.mcd.api.McdServer;
import dev.rewind.mcd.api.ServerInfo;
import java.util.Map;

/** Initialization, server connection, system features and error info commands. */
final class ServerCommands {
    private ServerCommands() {
    }

    static void register(Map<String, Handler> m, WireState s) {
        m.put("mcd-initialize", a -> Json.ok()
                .add("impl-info", McdJson.implInfo(s.api.initialize(McdJson.apiVersion(a.obj("version-req")))))
                .build());
        m.put("mcd-exit", a -> {
            s.api.exit();
            s.clearAll();
            return new com.google.gson.JsonObject();
        });
        m.put("mcd-qry-servers", a -> {
            McdList<ServerInfo> l = s.api.qryServers(a.str("host"), a.bool("running"), a.u32("start-index"),
                    a.u32("num-servers"));
            Json.Obj o = Json.ok().u32("num-servers", l.count());
            if (a.u32("num-servers") != 0) {
                o.add("server-info", McdJson.list(l.items(), McdJson::serverInfo));
            }
            return o.build();
        });
        m.put("mcd-open-server", a -> {
            McdServer srv = s.api.openServer(a.str("system-key"), a.str("config-string"));
            int uid = s.addServer(srv);
            return Json.ok().u32("server-uid", uid).str("host", srv.host()).str("config-string", srv.configString())
                    .build();
        });
        m.put("mcd-close-server", a -> {
            int uid = a.u32("server-uid");
            s.server(uid).close();
            s.removeServer(uid);
            return Json.ok().build();
        });
        m.put("mcd-set-server-config", a -> {
            s.server(a.u32("server-uid")).setConfig(a.str("config-string"));
            return Json.ok().build();
        });
        m.put("mcd-qry-server-config", a -> Json.ok()
                .str("config-string", s.server(a.u32("server-uid")).qryConfig()).build());
        m.put("mcd-qry-systems", a -> {
            int num = a.u32("num-systems");
            McdList<CoreConInfo> l = s.api.qrySystems(a.u32("start-index"), num);
            return conList("num-systems", "system-con-info", l, num);
        });
        m.put("mcd-qry-devices", a -> {
            int num = a.u32("num-devices");
            McdList<CoreConInfo> l = s.api.qryDevices(McdJson.conInfo(a.obj("system-con-info")),
                    a.u32("start-index"), num);
            return conList("num-devices", "device-con-info", l, num);
        });
        m.put("mcd-qry-cores", a -> {
            int num = a.u32("num-cores");
            McdList<CoreConInfo> l = s.api.qryCores(McdJson.conInfo(a.obj("connection-info")),
                    a.u32("start-index"), num);
            return conList("num-cores", "core-con-info", l, num);
        });
        m.put("mcd-qry-error-info", a -> McdJson.errorInfo(s.lastError(a.u32("core-uid", 0))));
    }

    private static com.google.gson.JsonObject conList(String countKey, String listKey, McdList<CoreConInfo> l,
            int requested) {
        Json.Obj o = Json.ok().u32(countKey, l.count());
        if (requested != 0) {
            o.add(listKey, McdJson.list(l.items(), McdJson::conInfo));
        }
        return o.build();
    }
}
