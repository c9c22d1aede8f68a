#!/bin/bash
# Plugin cost, figures for issue #13. In one run, alternating JVMs:
#   1. no plugin: the engine before the plugin host (BASE, default: the merge-base with main) against this
#      engine, PlainRun (Machine API only) on both;
#   2. PluginBench modes on this engine: none, inline (per-instruction inline counter), cond (that counter and a
#      conditional callback per block that never holds), callback (empty per-instruction callback), functions
#      (function-level trace probes: entries and returns), trace (the trace bundle's recorder, calls and traps).
#   3. QEMU=1 (default when qemu-system-riscv32 and gcc are there): the same guest on QEMU 7.2 with a TCG plugin
#      built from releng/bench/qemu/bench_plugin.c (Debian ships no example plugins) in the modes that compare:
#      none (plugin loaded, nothing registered), inline, callback, functions; CPU time (user+sys) of the whole
#      run minus that of an empty program (exit-code), alternating with the Rewind runs.
# Prints the median MIPS of RUNS runs each and the ratios. Needs the reactor built (releng/bench -am).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
ELF=${ELF:-$ROOT/tests/guest/elf/bench-rv32.elf}
HARTS=${HARTS:-1}
RUNS=${RUNS:-5}
MODES=${MODES:-none inline cond callback functions trace}
BEFORE_AFTER=${BEFORE_AFTER:-1}
WARM=${WARM:-200000000}
N=${N:-600000000}
M2=${M2:-$HOME/.m2/repository}
. "$ROOT/releng/bench/common.sh"
ASM=$(bench_asm)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
# a copy of this engine's classes, so that a build during the run cannot pull them away
NEW=$(bench_classpath "$W/new" emulator-bundle bundles/dev.rewind.plugin.api bundles/dev.rewind.bus \
    bundles/dev.rewind.trace releng/bench)
if [ "$BEFORE_AFTER" = 1 ]; then
    BASE=${BASE:-$(git -C "$ROOT" merge-base HEAD main)}
    ANN=$M2/org/osgi/org.osgi.annotation.versioning/1.1.2/org.osgi.annotation.versioning-1.1.2.jar:$M2/org/osgi/org.osgi.annotation.bundle/2.0.0/org.osgi.annotation.bundle-2.0.0.jar
    git -C "$ROOT" archive "$BASE" emulator-bundle/src/main/java | tar -x -C "$W"
    # (an engine with the plugin host needs the plugin API: this tree's, copied into the base classes)
    mkdir -p "$W/base"; cp -r "$ROOT/bundles/dev.rewind.plugin.api/target/classes/." "$W/base/"
    "$JAVA_HOME/bin/javac" -nowarn -d "$W/base" -cp "$ASM:$ANN:$W/base" $(find "$W/emulator-bundle" -name '*.java') \
        "$ROOT/releng/bench/src/main/java/dev/rewind/bench/PlainRun.java" 2>&1 | grep -v '^Note:' || true
    OLD=$W/base:$ASM
fi
METRIC=${METRIC:-mips}   # mips: wall time; cpu-mips: the running thread's CPU time (steadier on a loaded machine)
mips() {   # CLASSPATH MAIN ARGS...: the run's METRIC, or the end of the script when it printed none
    local v
    v=$("$JAVA" -cp "$1" "${@:2}" | awk -v m="$METRIC" '$1 == m {print $2}')
    [ -n "$v" ] || { echo "plugins.sh: no $METRIC from ${*:2}" >&2; exit 1; }
    echo "$v"
}

QEMU=${QEMU:-$(command -v qemu-system-riscv32 >/dev/null && command -v gcc >/dev/null && echo 1 || echo 0)}
QMODES="none inline callback functions"
if [ "$QEMU" = 1 ]; then
    gcc -O2 -shared -fPIC -o "$W/bench_plugin.so" "$ROOT/releng/bench/qemu/bench_plugin.c"
    riscv64-unknown-elf-nm "$ELF" | awk '$2 ~ /^[Tt]$/ {print $1}' >"$W/entries"
    EMPTY=$ROOT/tests/guest/elf/exit-code-rv32.elf
fi
qcpu() {   # ELF MODE: CPU seconds (user+sys) of a whole QEMU run with the bench plugin
    /usr/bin/time -f '%U %S' -o "$W/qtime" timeout 900 qemu-system-riscv32 -M virt -bios none -nographic \
        -kernel "$1" -smp "$HARTS" -plugin "$W/bench_plugin.so,mode=$2,entries=$W/entries" </dev/null >/dev/null 2>&1
    tail -1 "$W/qtime" | awk '{printf "%.3f\n", $1 + $2}'   # (a first line tells a non-zero exit status)
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)  guest: $(basename "$ELF"), $HARTS hart(s), $N instructions after $WARM of warm-up, $RUNS runs each"
declare -A R Q
for i in $(seq "$RUNS"); do
    if [ "$BEFORE_AFTER" = 1 ]; then
        R[before]+="$(mips "$OLD" dev.rewind.bench.PlainRun "$ELF" "$HARTS" "$WARM" "$N") "
        R[after]+="$(mips "$NEW" dev.rewind.bench.PlainRun "$ELF" "$HARTS" "$WARM" "$N") "
    fi
    for m in $MODES; do
        R[$m]+="$(mips "$NEW" dev.rewind.bench.PluginBench "$ELF" "$HARTS" "$WARM" "$N" $m) "
    done
    if [ "$QEMU" = 1 ]; then
        for m in $QMODES; do Q[$m]+="$(qcpu "$ELF" $m) "; done
        Q[empty]+="$(qcpu "$EMPTY" none) "
    fi
done
declare -A MED
for k in before after $MODES; do
    [ -n "${R[$k]:-}" ] || continue
    MED[$k]=$(tr ' ' '\n' <<<"${R[$k]}" | grep . | median)
    printf '%-10s median %8.1f MIPS   runs: %s\n' "$k" "${MED[$k]}" "${R[$k]}"
done
[ "$BEFORE_AFTER" = 1 ] && printf 'no plugin, before/after : %.3fx\n' "$(echo "${MED[before]} / ${MED[after]}" | bc -l)"
for m in $MODES; do
    [ "$m" = none ] && continue
    printf '%-24s: %.3fx of no plugin\n' "$m" "$(echo "${MED[none]} / ${MED[$m]}" | bc -l)"
done
if [ "$QEMU" = 1 ]; then
    declare -A QM
    for k in empty $QMODES; do
        QM[$k]=$(tr ' ' '\n' <<<"${Q[$k]}" | grep . | median)
        printf 'qemu %-10s median %7.3f s CPU   runs: %s\n' "$k" "${QM[$k]}" "${Q[$k]}"
    done
    for m in $QMODES; do
        [ "$m" = none ] && continue
        printf 'qemu %-19s: %.3fx of no plugin (CPU time net of start-up)\n' "$m" \
            "$(echo "(${QM[$m]} - ${QM[empty]}) / (${QM[none]} - ${QM[empty]})" | bc -l)"
    done
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
