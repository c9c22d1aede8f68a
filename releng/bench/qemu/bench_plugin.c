/*
 * A TCG plugin for QEMU 7.2 (plugin API version 1) that registers what dev.rewind.bench.PluginBench registers in
 * Rewind, so that plugins.sh can put the two costs side by side. Debian's QEMU is built with plugin support but ships
 * none of QEMU's example plugins (contrib/plugins), so this one is built here. Modes (argument mode=...):
 *   none       nothing registered (the cost of having a plugin loaded)
 *   inline     an inline add to a counter per instruction (QEMU_PLUGIN_INLINE_ADD_U64)
 *   callback   an empty callback per instruction
 *   functions  a block callback at each function entry (addresses from entries=FILE, hex, one a line) and an
 *              instruction callback at each return (ret, c.ret)
 * The declarations below are the documented C API of qemu-plugin.h (QEMU 7.2); the header is not packaged.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
typedef struct qemu_info_t qemu_info_t;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op, void *ptr,
                                                uint64_t imm);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
void qemu_plugin_outs(const char *string);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

static enum { NONE, INLINE, CALLBACK, FUNCTIONS } mode;
static uint64_t count;
static uint64_t events;
static uint64_t *entries;
static size_t n_entries;

static void empty(unsigned int vcpu, void *u) { (void) vcpu; (void) u; }
static void event(unsigned int vcpu, void *u) { (void) vcpu; (void) u; events++; }

static int is_entry(uint64_t pc) {
    for (size_t i = 0; i < n_entries; i++) {
        if (entries[i] == pc) {
            return 1;
        }
    }
    return 0;
}

static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
    (void) id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    if (mode == FUNCTIONS && is_entry(qemu_plugin_tb_vaddr(tb))) {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, event, QEMU_PLUGIN_CB_NO_REGS, NULL);
    }
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        if (mode == INLINE) {
            qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &count, 1);
        } else if (mode == CALLBACK) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, empty, QEMU_PLUGIN_CB_NO_REGS, NULL);
        } else if (mode == FUNCTIONS) {
            uint32_t bits = 0;
            size_t size = qemu_plugin_insn_size(insn);
            memcpy(&bits, qemu_plugin_insn_data(insn), size < 4 ? size : 4);
            if ((size == 4 && bits == 0x00008067u) || (size == 2 && (bits & 0xffff) == 0x8082u)) {
                qemu_plugin_register_vcpu_insn_exec_cb(insn, event, QEMU_PLUGIN_CB_NO_REGS, NULL);
            }
        }
    }
}

static void done(qemu_plugin_id_t id, void *u) {
    (void) id; (void) u;
    char line[128];
    snprintf(line, sizeof line, "bench plugin: count %llu events %llu\n", (unsigned long long) count,
             (unsigned long long) events);
    qemu_plugin_outs(line);
}

static int read_entries(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "bench plugin: cannot read %s\n", path);
        return -1;
    }
    size_t cap = 256;
    entries = malloc(cap * sizeof *entries);
    unsigned long long a;
    while (entries != NULL && fscanf(f, "%llx", &a) == 1) {
        if (n_entries == cap) {
            cap *= 2;
            entries = realloc(entries, cap * sizeof *entries);
        }
        if (entries != NULL) {
            entries[n_entries++] = a;
        }
    }
    fclose(f);
    return entries == NULL ? -1 : 0;
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv) {
    (void) info;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "mode=none") == 0) {
            mode = NONE;
        } else if (strcmp(argv[i], "mode=inline") == 0) {
            mode = INLINE;
        } else if (strcmp(argv[i], "mode=callback") == 0) {
            mode = CALLBACK;
        } else if (strcmp(argv[i], "mode=functions") == 0) {
            mode = FUNCTIONS;
        } else if (strncmp(argv[i], "entries=", 8) == 0) {
            if (read_entries(argv[i] + 8) != 0) {
                return -1;
            }
        } else {
            fprintf(stderr, "bench plugin: unknown argument %s\n", argv[i]);
            return -1;
        }
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
    qemu_plugin_register_atexit_cb(id, done, NULL);
    return 0;
}
