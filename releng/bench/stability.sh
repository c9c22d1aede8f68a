#!/bin/bash
# Compiled speed from one JVM to the next (issue #16: "stable compilation from one JVM to the next"), in-process.
#
# Usage: releng/bench/stability.sh [--jvms N] [--elf ELF] [--window W] [--windows K] [--variant 'NAME=OPTS'] ...
#   defaults: 10 JVMs per variant, tests/guest/elf/bench-rv32.elf, windows of 1e8 slots, 10 windows; one variant
#   'default' (no options). Variants alternate JVM by JVM.
# Each JVM runs dev.rewind.bench.StableRun (a fresh machine, no warm-up machine) with -XX:+PrintCompilation into a
# log; per JVM it prints the running thread's CPU ms of the first window and the median of the last three
# (the steady state that JVM's compilation reached), and from the log: JitRegion compilations at C2 (tier 4),
# OSR compilations, "made not entrant" (deoptimisations), bailouts ("COMPILE SKIPPED"). Per variant: median, min,
# max and max/min of the steady-state figure. The load average before and after.
# Needs releng/bench built: ./mvnw -o -q -pl releng/bench -am package -DskipTests
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
M2=${M2:-$HOME/.m2/repository}
JVMS=10; ELF=$ROOT/tests/guest/elf/bench-rv32.elf; WINDOW=100000000; WINDOWS=10; VARIANTS=()
while [ $# -gt 0 ]; do
    case $1 in
        --jvms) JVMS=$2; shift ;;
        --elf) ELF=$2; shift ;;
        --window) WINDOW=$2; shift ;;
        --windows) WINDOWS=$2; shift ;;
        --variant) VARIANTS+=("$2"); shift ;;
        *) echo "usage: $0 [--jvms N] [--elf ELF] [--window W] [--windows K] [--variant 'NAME=OPTS'] ..." >&2; exit 2 ;;
    esac
    shift
done
[ ${#VARIANTS[@]} = 0 ] && VARIANTS=("default=")
[ -f "$ROOT/releng/bench/target/classes/dev/rewind/bench/StableRun.class" ] || {
    echo "releng/bench is not built: ./mvnw -o -q -pl releng/bench -am package -DskipTests" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
. "$ROOT/releng/bench/common.sh"
CP=$(bench_classpath "$W" emulator-bundle releng/bench bundles/dev.rewind.plugin.api bundles/dev.rewind.trace)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   $(nproc) cores   $(basename "$ELF"), $WINDOWS windows of $WINDOW"
printf '%-10s %4s %10s %10s %8s %6s %10s %8s\n' variant jvm 'first ms' 'steady ms' 'C2 rgn' OSR 'not entr' bailout
declare -A S=()
FAILED=0   # a JVM that failed makes the exit status 1 (after the table)
for j in $(seq "$JVMS"); do
    for v in "${VARIANTS[@]}"; do
        name=${v%%=*}; opts=${v#*=}
        # shellcheck disable=SC2086
        "$JAVA_HOME/bin/java" $opts -XX:+PrintCompilation -cp "$CP" dev.rewind.bench.StableRun "$ELF" "$WINDOW" \
            "$WINDOWS" >"$W/log" 2>"$W/win"
        first=$(awk '$1 == "window" && $2 == 0 {print $4}' "$W/win")
        steady=$(awk '$1 == "window" {print $4}' "$W/win" | tail -3 | median)
        if [ -z "$steady" ]; then echo "$name: JVM $j failed:" >&2; tail -5 "$W/win" >&2; FAILED=1; continue; fi
        # PrintCompilation: "time id flags tier name (size)"; % among the flags = OSR
        read -r c2 osr ne bo < <(awk '{n = 0; for (i = 1; i <= NF; i++) if ($i ~ /::/) { n = i; break }
                if (n < 2) next; osr = 0; for (i = 3; i < n; i++) if ($i == "%") osr = 1
                if (/made not entrant/) ne++; else if (/COMPILE SKIPPED/) bo++
                else { if (osr) o++; else if ($(n-1) == 4 && $n ~ /JitRegion/) c2++ } }
                END {print c2+0, o+0, ne+0, bo+0}' "$W/log")
        printf '%-10s %4d %10.1f %10.1f %8d %6d %10d %8d\n' "$name" "$j" "$first" "$steady" "$c2" "$osr" "$ne" "$bo"
        S[$name]+="$steady "
        cat "$W/win" "$W/log" > "$W/$name-$j.log"
    done
done
echo "steady state, ms of the running thread's CPU per window (median of each JVM's last three windows):"
for v in "${VARIANTS[@]}"; do
    name=${v%%=*}
    vals=$(tr ' ' '\n' <<<"${S[$name]:-}" | grep .)
    [ -n "$vals" ] || continue
    lo=$(sort -g <<<"$vals" | head -1); hi=$(sort -g <<<"$vals" | tail -1)
    printf '  %-10s median %8.1f  min %8.1f  max %8.1f  max/min %5.2f   (%s)\n' "$name" "$(median <<<"$vals")" \
        "$lo" "$hi" "$(echo "$hi / $lo" | bc -l)" "${v#*=}"
done
[ -n "${KEEP_LOGS:-}" ] && { mkdir -p "$KEEP_LOGS"; cp "$W"/*-*.log "$KEEP_LOGS/"; echo "logs in $KEEP_LOGS"; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $FAILED
