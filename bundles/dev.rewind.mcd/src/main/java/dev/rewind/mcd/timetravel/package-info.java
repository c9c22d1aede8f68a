/**
 * Time travel beside the MCD API: reverse step and continue, go to time, bookmarks and
 * reverse watchpoints. Obtained from a core with
 * {@code core.adapt(TimeTravel.class)}; the same operations are reachable as
 * {@code mcd_execute_command_f} strings (see {@link dev.rewind.mcd.timetravel.TimeTravelCommands}).
 */
@org.osgi.annotation.versioning.Version("0.4.0")
package dev.rewind.mcd.timetravel;
