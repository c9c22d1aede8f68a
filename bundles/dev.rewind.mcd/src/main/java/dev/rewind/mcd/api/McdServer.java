package dev.rewind.mcd.api;

/** An open server connection (mcd_server_st) and the functions that take one. */
public interface McdServer {

    /** mcd_server_st.host. */
    String host();

    /** mcd_server_st.config_string as given when opening. */
    String configString();

    /** mcd_close_server_f. */
    void close() throws McdException;

    /** mcd_set_server_config_f. */
    void setConfig(String configString) throws McdException;

    /** mcd_qry_server_config_f: the complete configuration string. */
    String qryConfig() throws McdException;
}
