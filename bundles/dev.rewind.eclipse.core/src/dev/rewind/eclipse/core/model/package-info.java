/** Rewind's model for Eclipse Platform Debug. */
package dev.rewind.eclipse.core.model;
