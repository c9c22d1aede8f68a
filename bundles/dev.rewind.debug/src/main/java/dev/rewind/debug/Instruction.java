package dev.rewind.debug;

/** One disassembled instruction: its address, raw bytes (2 or 4) and text ({@code addi a0,a0,1}). */
public record Instruction(long address, byte[] bytes, String text) {
}
