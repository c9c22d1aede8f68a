/** Rewind in the Eclipse debug UI: labels, editors, the current Rewind context. */
package dev.rewind.eclipse.ui;
