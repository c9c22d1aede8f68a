/** The {@code run} command: a guest program from ELF to exit code. */
package dev.rewind.shell.run;
