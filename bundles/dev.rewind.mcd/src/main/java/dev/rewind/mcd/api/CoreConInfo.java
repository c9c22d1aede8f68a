package dev.rewind.mcd.api;

import java.util.Objects;

/**
 * mcd_core_con_info_st: the connection information of a system, device or core. The same
 * structure is used at every level of the system → device → core hierarchy; fields that a
 * level does not define are empty strings or 0.
 */
public record CoreConInfo(String host, int serverPort, String serverKey, String systemKey, String deviceKey,
        String system, String systemInstance, String accHw, int deviceType, String device, int deviceId,
        String core, int coreType, int coreId) {

    public CoreConInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(systemKey, "systemKey");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(systemInstance, "systemInstance");
        Objects.requireNonNull(accHw, "accHw");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(core, "core");
    }

    /** All strings empty, all numbers 0. */
    public static CoreConInfo empty() {
        return new CoreConInfo("", 0, "", "", "", "", "", "", 0, "", 0, "", 0, 0);
    }

    public CoreConInfo withSystem(String newSystem, String newSystemKey, String newSystemInstance) {
        return new CoreConInfo(host, serverPort, serverKey, newSystemKey, deviceKey, newSystem, newSystemInstance,
                accHw, deviceType, device, deviceId, core, coreType, coreId);
    }

    public CoreConInfo withDevice(String newDevice, int newDeviceId, int newDeviceType) {
        return new CoreConInfo(host, serverPort, serverKey, systemKey, deviceKey, system, systemInstance, accHw,
                newDeviceType, newDevice, newDeviceId, core, coreType, coreId);
    }

    public CoreConInfo withCore(String newCore, int newCoreId, int newCoreType) {
        return new CoreConInfo(host, serverPort, serverKey, systemKey, deviceKey, system, systemInstance, accHw,
                deviceType, device, deviceId, newCore, newCoreType, newCoreId);
    }
}
