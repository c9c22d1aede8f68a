/** Plugins in the machine behind the MCD back end ({@code core.adapt(Instrumentation.class)}). */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.mcd.instrument;
