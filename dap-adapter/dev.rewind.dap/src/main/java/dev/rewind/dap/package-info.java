/**
 * Rewind's Debug Adapter Protocol server: one {@link dev.rewind.dap.DapConnection} per client (stdio or TCP), a
 * thin dispatcher ({@link dev.rewind.dap.DapServer}) and one handler class per request in
 * {@code dev.rewind.dap.handlers}, all standing on the debug services ({@code dev.rewind.debug}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.dap;
