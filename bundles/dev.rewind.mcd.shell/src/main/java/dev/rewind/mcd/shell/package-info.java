/**
 * Gogo commands of scope {@code mcd} over the MCD API (load, run, step, break, watch, registers,
 * memory, time travel, expect): the scripting front end of Rewind. Nothing is exported; the
 * commands are DS components. See docs/COMMANDS.md of this bundle.
 */
package dev.rewind.mcd.shell;
