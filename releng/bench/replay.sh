#!/bin/bash
# Replay speed vs live execution (issue #16), in-process: dev.rewind.bench.ReplayBench (see its javadoc).
#
# Usage: releng/bench/replay.sh [--insns N] [--runs R] [--elf ELF] [--harts "1 4"] [--mode MODE] [--no-services]
#   defaults: 2e8 instructions of virtual time, 3 rounds, tests/guest/elf/ttbench-rv32.elf (any ELF with rt_exit
#   that runs longer than N: bench-rv32.elf, work-*.elf; not bench-mt, which exits before 2e8),
#   1 and 4 harts; MODE=default (the engine as it is) or interp (-Drewind.jit=false: the interpreter only).
# Per guest and hart count: plain live run, live recording run (TimeMachine), a reverse continue over the whole
# history (no hit: every segment replayed once) and a forward replay from the earliest point to the frontier; wall
# and the driving thread's CPU time, medians; ratios to the live recording run. Then (unless --no-services) the same
# live run and reverse continue through the debug services (dev.rewind.bench.services.ReplayThroughServices: sessions
# of dev.rewind.debug, as DAP, GDB and MCD front ends use them; process CPU time). Load average before and after.
# Needs releng/bench built: ./mvnw -o -q -pl releng/bench -am package -DskipTests
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
M2=${M2:-$HOME/.m2/repository}
INSNS=200000000; RUNS=3; ELFS="$ROOT/tests/guest/elf/ttbench-rv32.elf"
HARTS="1 4"; MODE=default; SERVICES=1
while [ $# -gt 0 ]; do
    case $1 in
        --insns) INSNS=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        --elf) ELFS=$2; shift ;;
        --harts) HARTS=$2; shift ;;
        --mode) MODE=$2; shift ;;
        --no-services) SERVICES=0 ;;
        *) echo "usage: $0 [--insns N] [--runs R] [--elf \"ELF...\"] [--harts \"1 4\"] [--mode default|interp]" >&2
           exit 2 ;;
    esac
    shift
done
[ -f "$ROOT/releng/bench/target/classes/dev/rewind/bench/ReplayBench.class" ] || {
    echo "releng/bench is not built: ./mvnw -o -q -pl releng/bench -am package -DskipTests" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
. "$ROOT/releng/bench/common.sh"
BUNDLES=(); for d in "$ROOT"/bundles/*; do BUNDLES+=("${d#"$ROOT"/}"); done
CP=$(bench_classpath "$W" emulator-bundle releng/bench "${BUNDLES[@]}")
CP=$CP:$(ls "$M2"/com/google/code/gson/gson/2.*/gson-2.*.jar 2>/dev/null | sort -V | tail -1)
OPTS=(); [ "$MODE" = interp ] && OPTS=(-Drewind.jit=false)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   $(nproc) cores   mode: $MODE"
for e in $ELFS; do
    "$JAVA_HOME/bin/java" "${OPTS[@]}" -cp "$CP" dev.rewind.bench.ReplayBench "$e" "$INSNS" "$RUNS" $HARTS
    [ "$SERVICES" = 1 ] && "$JAVA_HOME/bin/java" "${OPTS[@]}" -cp "$CP" dev.rewind.bench.services.ReplayThroughServices \
        "$e" "$INSNS" "$RUNS" $HARTS
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
