package dev.rewind.plugin.api;

/** Translation of a block (QEMU's {@code qemu_plugin_register_vcpu_tb_trans_cb}). */
@FunctionalInterface
public interface TranslateCallback {
    void translate(TranslationBlock tb);
}
