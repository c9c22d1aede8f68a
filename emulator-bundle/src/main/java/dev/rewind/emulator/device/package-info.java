/** Memory-mapped devices of the Rewind machine (CLINT, UART 16550, test finisher, HTIF) and their SPI. */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.emulator.device;
