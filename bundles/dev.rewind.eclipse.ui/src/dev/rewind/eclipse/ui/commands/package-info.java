/** The reverse debugging commands and their cancellable job. */
package dev.rewind.eclipse.ui.commands;
