package dev.rewind.mcd.api;

/**
 * The tool-side entry of the MCD API: initialization, server connection and the
 * system → device → core query hierarchy (mcd_initialize_f … mcd_qry_cores_f,
 * mcd_open_core_f, mcd_qry_error_info_f with a null core).
 *
 * <p>Implementations are thread-safe. Every method that can fail throws
 * {@link McdException}; the same error is afterwards reported by {@link #qryErrorInfo()}
 * (or {@link McdCore#qryErrorInfo()} for core calls) as the C API does.
 */
public interface McdApi {

    /** mcd_initialize_f. Fails with GENERAL if the requested version is not compatible. */
    ImplVersionInfo initialize(ApiVersion versionReq) throws McdException;

    /** mcd_exit_f: close all core and server connections. */
    void exit();

    /** mcd_qry_servers_f. */
    McdList<ServerInfo> qryServers(String host, boolean running, int startIndex, int numServers)
            throws McdException;

    /** mcd_open_server_f. */
    McdServer openServer(String systemKey, String configString) throws McdException;

    /** mcd_qry_systems_f. */
    McdList<CoreConInfo> qrySystems(int startIndex, int numSystems) throws McdException;

    /** mcd_qry_devices_f: devices of the system named in {@code systemConInfo}. */
    McdList<CoreConInfo> qryDevices(CoreConInfo systemConInfo, int startIndex, int numDevices)
            throws McdException;

    /** mcd_qry_cores_f: cores of the system or (if {@code device} is set) device. */
    McdList<CoreConInfo> qryCores(CoreConInfo connectionInfo, int startIndex, int numCores) throws McdException;

    /** mcd_open_core_f. */
    McdCore openCore(CoreConInfo coreConInfo) throws McdException;

    /** mcd_qry_error_info_f with a null core: the error of the last call that had no core. */
    ErrorInfo qryErrorInfo();
}
