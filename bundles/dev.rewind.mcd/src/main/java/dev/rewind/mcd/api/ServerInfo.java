package dev.rewind.mcd.api;

/** mcd_server_info_st. */
public record ServerInfo(String server, String systemInstance, String accHw) {
}
