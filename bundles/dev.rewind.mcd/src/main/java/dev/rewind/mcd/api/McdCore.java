package dev.rewind.mcd.api;

import java.util.Optional;

/**
 * An open core connection (mcd_core_st) and every MCD function that addresses a core:
 * memory and register description, triggers, transaction lists, execution control, reset,
 * communication channels and trace. See docs/C-TO-JAVA.md for the one-to-one table.
 */
public interface McdCore {

    /** mcd_core_st.core_con_info. */
    CoreConInfo conInfo();

    /** mcd_close_core_f. */
    void close() throws McdException;

    /** mcd_qry_error_info_f for this core: the error of the last failed call on it (or none). */
    ErrorInfo qryErrorInfo();

    // --- core connection / system features

    /** mcd_qry_core_modes_f. */
    McdList<CoreModeInfo> qryCoreModes(int startIndex, int numModes) throws McdException;

    /** mcd_qry_device_description_f: URL of an IP-XACT description. */
    String qryDeviceDescription() throws McdException;

    /** mcd_qry_max_payload_size_f. */
    int qryMaxPayloadSize() throws McdException;

    /** mcd_qry_input_handle_f: -1 if there is no handle. */
    int qryInputHandle() throws McdException;

    // --- memory

    /** mcd_qry_mem_spaces_f. */
    McdList<MemSpace> qryMemSpaces(int startIndex, int numMemSpaces) throws McdException;

    /** mcd_qry_mem_blocks_f. */
    McdList<MemBlock> qryMemBlocks(int memSpaceId, int startIndex, int numMemBlocks) throws McdException;

    /** mcd_qry_active_overlays_f. */
    McdList<Integer> qryActiveOverlays(int startIndex, int numActiveOverlays) throws McdException;

    // --- registers

    /** mcd_qry_reg_groups_f. */
    McdList<RegisterGroup> qryRegGroups(int startIndex, int numRegGroups) throws McdException;

    /** mcd_qry_reg_map_f. */
    McdList<RegisterInfo> qryRegMap(int regGroupId, int startIndex, int numRegs) throws McdException;

    /** mcd_qry_reg_compound_f. */
    McdList<Integer> qryRegCompound(int compoundRegId, int startIndex, int numRegIds) throws McdException;

    // --- triggers

    /** mcd_qry_trig_info_f. */
    TrigInfo qryTrigInfo() throws McdException;

    /** mcd_qry_ctrigs_f. */
    McdList<CtrigInfo> qryCtrigs(int startIndex, int numCtrigs) throws McdException;

    /** mcd_create_trig_f. */
    CreatedTrigger createTrig(Trigger trig) throws McdException;

    /** mcd_qry_trig_f. */
    Trigger qryTrig(int trigId) throws McdException;

    /** mcd_remove_trig_f. */
    void removeTrig(int trigId) throws McdException;

    /** mcd_qry_trig_state_f. */
    TrigState qryTrigState(int trigId) throws McdException;

    /** mcd_activate_trig_set_f. */
    void activateTrigSet() throws McdException;

    /** mcd_remove_trig_set_f. */
    void removeTrigSet() throws McdException;

    /** mcd_qry_trig_set_f: trigger IDs of this core's trigger set. */
    McdList<Integer> qryTrigSet(int startIndex, int numTrigs) throws McdException;

    /** mcd_qry_trig_set_state_f. */
    TrigSetState qryTrigSetState() throws McdException;

    // --- execution control

    /**
     * mcd_execute_txlist_f. Executes in order and stops at the first failing transaction,
     * throwing {@link McdTxlistException} whose result carries the partial outcome.
     */
    TxList executeTxlist(TxList txlist) throws McdException;

    /** mcd_run_f. */
    void run(boolean global) throws McdException;

    /** mcd_stop_f. */
    void stop(boolean global) throws McdException;

    /** mcd_run_until_f: time in the units of {@link #qryCurrentTime()}. */
    void runUntil(boolean global, boolean absoluteTime, long runUntilTime) throws McdException;

    /** mcd_qry_current_time_f. */
    long qryCurrentTime() throws McdException;

    /** mcd_step_f (blocking). */
    void step(boolean global, StepType stepType, int nSteps) throws McdException;

    /** mcd_set_global_f. */
    void setGlobal(boolean enable) throws McdException;

    /** mcd_qry_state_f. Reading the state clears the reported events. */
    CoreState qryState() throws McdException;

    /** mcd_execute_command_f: implementation-specific command, result as a string. */
    String executeCommand(String command) throws McdException;

    // --- reset

    /** mcd_qry_rst_classes_f. */
    int qryRstClasses() throws McdException;

    /** mcd_qry_rst_class_info_f. */
    RstInfo qryRstClassInfo(int rstClass) throws McdException;

    /** mcd_rst_f. */
    void rst(int rstClassVector, boolean rstAndHalt) throws McdException;

    // --- communication channels

    /** mcd_chl_open_f: returns the accepted channel setup (with its chl_id). */
    Channel chlOpen(Channel requested) throws McdException;

    /** mcd_send_msg_f. */
    void sendMsg(Channel channel, byte[] msg) throws McdException;

    /** mcd_receive_msg_f: up to {@code maxLen} bytes, waiting up to {@code timeoutMs}. */
    byte[] receiveMsg(Channel channel, int timeoutMs, int maxLen) throws McdException;

    /** mcd_chl_reset_f. */
    void chlReset(Channel channel) throws McdException;

    /** mcd_chl_close_f. */
    void chlClose(Channel channel) throws McdException;

    // --- trace

    /** mcd_qry_traces_f. */
    McdList<TraceInfo> qryTraces(int startIndex, int numTraces) throws McdException;

    /** mcd_qry_trace_state_f. */
    TraceState qryTraceState(int traceId) throws McdException;

    /** mcd_set_trace_state_f: returns the resulting state ({@code modified} if adjusted). */
    TraceState setTraceState(int traceId, TraceState state) throws McdException;

    /** mcd_read_trace_f: frames from {@code startIndex} (0 = oldest). */
    McdList<TraceFrame> readTrace(int traceId, long startIndex, int numFrames) throws McdException;

    // --- Rewind extensions (not in mcd_api.h)

    /** Extension interfaces of this core, e.g. {@code dev.rewind.mcd.timetravel.TimeTravel}. */
    <T> Optional<T> adapt(Class<T> type);

    /** Register a push listener for core events. */
    void addEventListener(McdEventListener listener);

    void removeEventListener(McdEventListener listener);
}
