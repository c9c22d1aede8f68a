#!/bin/bash
# Rewind's time-travel benchmark against QEMU 7.2's record/replay, one command:
#
#   releng/bench/timetravel.sh [--quick] [--no-qemu] [--no-rewind] [--mips] [--no-build] [--reps N] [-- TimeTravelBench options]
#
# QEMU half (needs qemu-system-riscv32, qemu-img, gdb-multiarch): records one run of
#   tests/guest/elf/ttbench-rv32.elf (`-icount shift=0,rr=record,rrfile=…,rrsnapshot=init`, an empty qcow2 drive
#   holding the snapshot, -m 64M), replays it under gdb-multiarch (qemu_rr.py: QEMU started by
#   `target remote | qemu … -gdb stdio`), goes to the k-th call of tt_mark (~1e6, 1e7, 1e8, 1e9 instructions) and
#   times reverse-stepi there (1 untimed + N timed, breakpoints deleted).
# Rewind half: dev.rewind.bench.TimeTravelBench (releng/bench, on the engine's TimeMachine): reverse-step latency
#   into a 4-hart run (depth = global virtual time) and into the same 1-hart run at the same tt_mark points as
#   QEMU, recording overhead (snapshots on vs off), snapshot memory; prints the combined table.
# --quick: depths 1e6..1e8 only, fewer repetitions (~1 min). --mips: also run bench.sh (Rewind vs QEMU MIPS).
# --no-build: the classes as they are built (BenchScriptsTest runs the script so, inside the Maven build).
# Takes ~3-4 minutes in full on 2 cores. Note the load average printed at the start and the end: other
# processes on the machine skew every figure.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/releng/bench
ELF=$ROOT/tests/guest/elf/ttbench-rv32.elf
QUICK=0; QEMU=1; REWIND=1; MIPS=0; REPS=5; BUILD=1
while [ $# -gt 0 ]; do
    case $1 in
        --quick) QUICK=1 ;;
        --no-qemu) QEMU=0 ;;
        --no-rewind) REWIND=0 ;;
        --mips) MIPS=1 ;;
        --no-build) BUILD=0 ;;
        --reps) REPS=$2; shift ;;
        --) shift; break ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "usage: $0 [--quick] [--no-qemu] [--no-rewind] [--mips] [--no-build] [--reps N] [-- TimeTravelBench options]" >&2; exit 2 ;;
    esac
    shift
done
MARKS=4; JARGS=(--reps "$REPS")
if [ $QUICK = 1 ]; then
    MARKS=3; [ "$REPS" = 5 ] && REPS=3
    JARGS=(--reps "$REPS" --depths 1e6,1e7,1e8 --positions 4 --overhead-insns 5e7 --overhead-reps 2)
fi
T=$(mktemp -d /tmp/rewind-tt.XXXXXX)
trap 'rm -rf "$T"' EXIT
echo "== timetravel.sh on $(hostname), $(nproc) CPUs; uptime:$(uptime)"
[ -f "$ELF" ] || { echo "missing $ELF (make -C tests/guest)" >&2; exit 2; }

QFILE=
if [ $QEMU = 1 ]; then
    for tool in qemu-system-riscv32 qemu-img gdb-multiarch; do
        command -v $tool >/dev/null || { echo "missing $tool (apt-get install qemu-system-misc qemu-utils gdb-multiarch), or --no-qemu" >&2; exit 2; }
    done
    echo "== QEMU $(qemu-system-riscv32 --version | head -1 | sed 's/.*version //'): record, then replay under gdb"
    qemu-img create -q -f qcow2 "$T/empty.qcow2" 16M
    COMMON=(-M virt -bios none -display none -monitor none -m 64M -net none -kernel "$ELF"
            -drive "file=$T/empty.qcow2,if=none,id=rr")
    t0=$(date +%s.%N)
    out=$(timeout 300 qemu-system-riscv32 "${COMMON[@]}" -serial stdio \
          -icount "shift=0,rr=record,rrfile=$T/rec.bin,rrsnapshot=init" </dev/null 2>&1)
    rc=$?; t1=$(date +%s.%N)
    printf '# qemu: recorded %s in %.1f s (exit %d): %s\n' "$(basename "$ELF")" "$(echo "$t1 - $t0" | bc -l)" $rc "${out//$'\r'/}"
    [ $rc = 0 ] || { echo "QEMU record run failed" >&2; exit 1; }
    export TT_QEMU="exec qemu-system-riscv32 ${COMMON[*]} -serial null -icount shift=0,rr=replay,rrfile=$T/rec.bin,rrsnapshot=init -gdb stdio -S"
    export TT_MARKS=$MARKS TT_REPS=$REPS TT_WARMUP=1 TT_OUT=$T/qemu.tsv
    timeout 900 gdb-multiarch -batch -nx -x "$HERE/qemu_rr.py" "$ELF" >"$T/gdb.log" 2>&1
    rc=$?
    grep -E '^(# qemu|qemu_rr)' "$T/gdb.log"
    if [ $rc != 0 ] || [ ! -s "$T/qemu.tsv" ]; then
        echo "QEMU half failed (gdb exit $rc); its log:" >&2; sed 's/^/  | /' "$T/gdb.log" >&2; exit 1
    fi
    QFILE=$T/qemu.tsv
fi

if [ $REWIND = 1 ]; then
    . "$ROOT/releng/scripts/jdk.sh"
    JDK=$(rewind_find_jdk) || exit 1
    [ $BUILD = 1 ] && echo "== Rewind: building releng/bench (and the engine)"
    if [ $BUILD = 1 ] && ! (cd "$ROOT" && JAVA_HOME="$JDK" ./mvnw -q -B -o -DskipTests -pl releng/bench -am package >"$T/build.log" 2>&1 \
          || JAVA_HOME="$JDK" ./mvnw -q -B -DskipTests -pl releng/bench -am package >"$T/build.log" 2>&1); then
        echo "build failed:" >&2; cat "$T/build.log" >&2; exit 1
    fi
    # the engine's bytecode translator needs ASM (without it every translation fails and the interpreter runs); the
    # engine needs the plugin API: the same class path as bench.sh (common.sh)
    M2=${MAVEN_REPO:-$HOME/.m2/repository}
    . "$ROOT/releng/bench/common.sh"
    CP=$(bench_classpath "$T" emulator-bundle releng/bench bundles/dev.rewind.plugin.api bundles/dev.rewind.trace)
    case $CP in *asm-9*) ;; *) echo "missing ASM in $M2 (the build fetches it)" >&2; exit 1 ;; esac
    "$JDK/bin/java" -Xms2g -Xmx2g -cp "$CP" dev.rewind.bench.TimeTravelBench --root "$ROOT" \
        ${QFILE:+--qemu "$QFILE"} "${JARGS[@]}" "$@" || exit 1
elif [ -n "$QFILE" ]; then
    cat "$QFILE"
fi

if [ $MIPS = 1 ]; then
    echo; echo "== MIPS: releng/bench/bench.sh"
    "$HERE/bench.sh" --runs 3
fi
echo "uptime at the end:$(uptime)"
