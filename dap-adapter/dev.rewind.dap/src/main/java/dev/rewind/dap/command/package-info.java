/** The {@code rewind dap} command (Gogo {@code rewind:dap}). */
package dev.rewind.dap.command;
