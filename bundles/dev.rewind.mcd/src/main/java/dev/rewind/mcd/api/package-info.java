/**
 * The Multi-Core Debug (MCD) API in Java: one method per function of {@code mcd_api.h}
 * (see docs/C-TO-JAVA.md of this bundle for the table).
 *
 * <p>Entry point is {@link dev.rewind.mcd.api.McdApi}; an open server is a
 * {@link dev.rewind.mcd.api.McdServer}, an open core connection a {@link dev.rewind.mcd.api.McdCore}.
 * Every failing call throws {@link dev.rewind.mcd.api.McdException}, which carries the MCD
 * return action, error code, error events and info string of {@code mcd_error_info_st}.
 * Index/count queries return a {@link dev.rewind.mcd.api.McdList}: asking for 0 entries
 * returns no entries and the total count, exactly as the C header defines.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.mcd.api;
