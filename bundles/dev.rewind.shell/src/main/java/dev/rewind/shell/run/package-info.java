/** The {@code run} and {@code demo} commands: a guest program from ELF to exit code. */
package dev.rewind.shell.run;
