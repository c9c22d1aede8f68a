/** Rewind's breakpoints for Eclipse Platform Debug. */
package dev.rewind.eclipse.core.breakpoints;
