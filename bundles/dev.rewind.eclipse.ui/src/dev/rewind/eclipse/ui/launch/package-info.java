/** The Rewind launch tab group. */
package dev.rewind.eclipse.ui.launch;
