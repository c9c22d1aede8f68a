#!/bin/bash
# Rewind vs QEMU 7.2 (TCG), plain speed, on the guest programs of tests/guest. Issue #16.
#
# Usage: releng/bench/bench.sh [--runs N] [--guests "bench work-list ..."] [--xlen "32 64"] [--no-mt]
#                              [--no-inproc] [--no-whole] [--qemu-only] [--scale K | --long S]
#   --scale K: every guest rebuilt with K times its work (tests/guest Makefile SCALE=K, into a temp dir; needs
#              riscv64-unknown-elf-gcc); --long S: each guest scaled so that QEMU's run takes at least S seconds of
#              CPU (K = ceil(S / QEMU's CPU time on the committed ELF), e.g. --long 5 for the issue's runs of >= 5 s)
#   env: REWIND (default <repo>/rewind: the runtime under releng/launcher/target/runtime; rebuild it after an
#        engine change with `./mvnw -o -q -pl releng/launcher,releng/bench -am package -DskipTests`), JAVA_HOME,
#        QEMU32/QEMU64, WARM (in-process warm-up instructions, default 2e8), BEFORE (a directory of engine classes,
#        e.g. an older commit's emulator-bundle compiled with this PlainRun: adds an in-process 'before' run to every
#        round, alternating, and its CPU-time ratio to QEMU), INPROC_JVM (run, the default: PlainRun gets the JVM
#        options `./rewind run` gives the guest, from releng/scripts/jvmopts.sh, without the AOT cache, which holds the
#        launcher's classes; default: the JVM's own options, as before the eleventh session; the header prints them).
#
# For every guest and xlen, N rounds, alternating inside each round (so that load changes hit all of them alike):
#   qemu    `qemu-system-riscvXX -M virt -bios none -nographic -kernel ELF`, wall and CPU (user+sys) time, minus
#           the median start-up of an empty program (exit-code-rvXX.elf);
#   whole   `./rewind run ELF --stats` as a whole process (JVM and OSGi start included), wall and CPU time;
#   inproc  dev.rewind.bench.PlainRun in one JVM: a warm-up machine runs WARM instructions of the same ELF, then a
#           fresh machine runs the ELF to its exit, timed (wall, and the running thread's CPU time).
# Prints medians, Rewind/QEMU speed ratios (>1: Rewind is faster) by wall and by CPU time, and the load average
# before and after. The machine is shared: with a load above the core count wall figures are inflated and noisy,
# CPU-time ratios much less so. bench-mt: Rewind ns per instruction with 1 and 4 harts, QEMU with 4 harts in its
# deterministic mode (-icount shift=0, the only one it records and replays in).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ELF=$ROOT/tests/guest/elf
REWIND=${REWIND:-$ROOT/rewind}
QEMU32=${QEMU32:-qemu-system-riscv32}
QEMU64=${QEMU64:-qemu-system-riscv64}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WARM=${WARM:-200000000}
M2=${M2:-$HOME/.m2/repository}
RUNS=3; GUESTS="bench work-list work-matmul work-fsm work-crc work-mem work-calls work-mix"; XLENS="32 64"
MT=1; INPROC=1; WHOLE=1; QEMU_ONLY=0; SCALE=1; LONG=
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=$2; shift ;;
        --guests) GUESTS=$2; shift ;;
        --xlen) XLENS=$2; shift ;;
        --no-mt) MT=0 ;;
        --no-inproc) INPROC=0 ;;
        --no-whole) WHOLE=0 ;;
        --qemu-only) QEMU_ONLY=1; INPROC=0; WHOLE=0; MT=0 ;;
        --scale) SCALE=$2; shift ;;
        --long) LONG=$2; shift ;;
        *) echo "usage: $0 [--runs N] [--guests LIST] [--xlen \"32 64\"] [--no-mt] [--no-inproc] [--no-whole] [--qemu-only] [--scale K | --long S]" >&2
           exit 2 ;;
    esac
    shift
done
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
. "$ROOT/releng/bench/common.sh"
CP=$(bench_classpath "$W" emulator-bundle releng/bench bundles/dev.rewind.plugin.api bundles/dev.rewind.trace)
if [ $INPROC = 1 ] && [ ! -f "$ROOT/releng/bench/target/classes/dev/rewind/bench/PlainRun.class" ]; then
    echo "in-process: releng/bench is not built (./mvnw -o -q -pl releng/bench -am package -DskipTests); skipped" >&2
    INPROC=0
fi
if [ $WHOLE = 1 ] || [ $MT = 1 ]; then
    [ -x "$REWIND" ] || { echo "no Rewind launcher at $REWIND: whole-process and bench-mt skipped" >&2; WHOLE=0; MT=0; }
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
timed() {   # CMD...: runs it, prints "wall cpu" (seconds) on stdout, its output in $W/out
    /usr/bin/time -f '%e %U %S' -o "$W/time" "$@" </dev/null >"$W/out" 2>&1
    tail -1 "$W/time" | awk '{printf "%s %.3f\n", $1, $2 + $3}'
}
qemu() {    # XLEN ELF [qemu args]
    local q=QEMU$1
    timed timeout 900 "${!q}" -M virt -bios none -nographic -kernel "$2" "${@:3}"
}
insns_of() { grep -iE '^[[:space:]]*instructions[[:space:]]*:' "$W/out" | head -1 | sed -E 's/[^0-9]//g'; }

echo "load before: $(load)   runs: $RUNS   $(nproc) cores"
FAILED=0   # a run that failed makes the script's exit status 1 (after the tables)
BEFORE=${BEFORE:-}
declare -A QB QBC
for x in $XLENS; do
    s=""; c=""
    for i in $(seq "$RUNS"); do read -r w u <<<"$(qemu "$x" "$ELF/exit-code-rv$x.elf")"; s+="$w "; c+="$u "; done
    QB[$x]=$(tr ' ' '\n' <<<"$s" | grep . | median); QBC[$x]=$(tr ' ' '\n' <<<"$c" | grep . | median)
done
INPROC_JVM=${INPROC_JVM:-run}
. "$ROOT/releng/scripts/jdk.sh"
JAVA_FEATURE=$(rewind_java_feature "$JAVA_HOME/bin/java")
inproc_opts() {   # ELF: prints the in-process JVM options for ELF, one a line (INPROC_JVM=run: those of ./rewind run)
    [ "$INPROC_JVM" = run ] || return 0
    (
        . "$ROOT/releng/scripts/jvmopts.sh"
        JDK=$JAVA_HOME; RUNTIME=$W/no-runtime; SUB=run
        JVM_OPTS=(); REWIND_AOT=0 rewind_jvm_opts run "$1"; printf '%s\n' "${JVM_OPTS[@]}"
    )
}
inproc() {   # CLASSPATH ELF: runs PlainRun, prints "instructions wall_s cpu_s" or nothing
    local out opts
    mapfile -t opts < <(inproc_opts "$2")
    out=$("$JAVA_HOME/bin/java" "${opts[@]}" -cp "$1" dev.rewind.bench.PlainRun "$2" 1 "$WARM" 1000000000000 2>&1)
    local ins m cm
    ins=$(awk '$1 == "mips" {gsub(/[()]/, ""); print $4}' <<<"$out")
    m=$(awk '$1 == "mips" {print $2}' <<<"$out"); cm=$(awk '$1 == "cpu-mips" {print $2}' <<<"$out")
    if [ -n "$m" ] && [ -n "$cm" ]; then
        echo "$ins $(echo "$ins / $m / 1000000" | bc -l) $(echo "$ins / $cm / 1000000" | bc -l)"
    else
        echo "in-process run of $2 failed:" >&2; sed 's/^/  | /' <<<"$out" >&2
    fi
}

scaled() {  # GUEST XLEN: prints the ELF to run (rebuilt at the scale asked for) and that scale
    local g=$1 x=$2 k=$SCALE e=$ELF/$1-rv$2.elf
    if [ -n "$LONG" ]; then
        read -r _ c <<<"$(qemu "$x" "$e")"
        k=$(echo "scale = 6; s = $LONG / ($c - ${QBC[$x]}); scale = 0; k = s / 1; if (k < s) k += 1; if (k < 1) k = 1; k" | bc)
    fi
    if [ "$k" = 1 ]; then echo "$e 1"; return; fi
    make -s -C "$ROOT/tests/guest" SCALE="$k" ELFDIR="$W/x$k" BUILDDIR="$W/x$k/build" "$W/x$k/$g-rv$x.elf" >&2 \
        && echo "$W/x$k/$g-rv$x.elf $k"
}

if [ $INPROC = 1 ]; then
    for x in $XLENS; do
        echo "in-process JVM options, RV$x (INPROC_JVM=$INPROC_JVM): $(inproc_opts "$ELF/exit-code-rv$x.elf" | tr '\n' ' ')"
    done
fi
printf '\n%-22s %11s | %8s %8s | %8s %8s %7s %7s | %8s %8s %7s %7s | %8s %7s\n' guest insns 'qemu s' 'qemu cpu' \
    'in s' 'in cpu' 'x wall' 'x cpu' 'whole s' 'wh cpu' 'x wall' 'x cpu' 'bef cpu' 'x cpu'
for g in $GUESTS; do
    for x in $XLENS; do
        e=$ELF/$g-rv$x.elf
        [ -f "$e" ] || { echo "$g-rv$x: no $e" >&2; FAILED=1; continue; }
        read -r e k <<<"$(scaled "$g" "$x")"
        [ -n "$e" ] || { echo "$g-rv$x: cannot build it at scale $SCALE${LONG:+ (--long $LONG)}" >&2; FAILED=1; continue; }
        label=$g-rv$x; [ "$k" = 1 ] || label="$g-rv$x x$k"
        declare -A S=()
        n=""
        for i in $(seq "$RUNS"); do
            read -r w c <<<"$(qemu "$x" "$e")"
            S[qw]+="$(echo "$w - ${QB[$x]}" | bc -l) "; S[qc]+="$(echo "$c - ${QBC[$x]}" | bc -l) "
            if [ $INPROC = 1 ]; then
                read -r ins w c <<<"$(inproc "$CP" "$e")"
                if [ -n "$ins" ]; then n=$ins; S[iw]+="$w "; S[ic]+="$c "; else FAILED=1; fi
                if [ -n "$BEFORE" ]; then
                    read -r ins w c <<<"$(inproc "$BEFORE:$CP" "$e")"
                    if [ -n "$ins" ]; then S[bc]+="$c "; else FAILED=1; fi
                fi
            fi
            if [ $WHOLE = 1 ]; then
                read -r w c <<<"$(timed "$REWIND" run "$e" --stats)"
                ins=$(insns_of)
                if [ -n "$ins" ]; then n=$ins; S[ww]+="$w "; S[wc]+="$c "; else
                    echo "whole-process run of $e failed:" >&2; sed 's/^/  | /' "$W/out" >&2; FAILED=1; fi
            fi
        done
        declare -A M=()
        for k in qw qc iw ic ww wc bc; do M[$k]=$(tr ' ' '\n' <<<"${S[$k]:-}" | grep . | median); done
        ratio() { [ -n "${M[$1]}" ] && [ -n "${M[$2]}" ] && printf '%.2f' "$(echo "${M[$1]} / ${M[$2]}" | bc -l)" || echo -; }
        f() { [ -n "${M[$1]}" ] && printf '%.3f' "${M[$1]}" || echo -; }
        printf '%-22s %11s | %8s %8s | %8s %8s %7s %7s | %8s %8s %7s %7s | %8s %7s\n' "$label" "${n:--}" "$(f qw)" \
            "$(f qc)" "$(f iw)" "$(f ic)" "$(ratio qw iw)" "$(ratio qc ic)" "$(f ww)" "$(f wc)" "$(ratio qw ww)" \
            "$(ratio qc wc)" "$(f bc)" "$(ratio qc bc)"
    done
done
echo "(seconds are medians; x = Rewind speed / QEMU speed on the same ELF: QEMU time / Rewind time; qemu s is net of"
echo " its start-up (wall ${QB[32]:-?}/${QB[64]:-?} s, CPU ${QBC[32]:-?}/${QBC[64]:-?} s); 'in' = in-process, 'whole' ="
echo " ./rewind run as a process, JVM start included; cpu = user+sys, for 'in' the running thread only; 'bef' = the"
echo " BEFORE engine in-process)"

if [ $MT = 1 ]; then
    echo
    echo "== bench-mt: ns per instruction (all harts), Rewind 1 and 4 harts, QEMU 4 harts -icount shift=0 =="
    printf '%-16s %14s %14s %14s %14s\n' program 'rewind 1h' 'rewind 4h' 'qemu 4h icount' '4h: x vs qemu'
    for x in $XLENS; do
        e=$ELF/bench-mt-rv$x.elf
        declare -A S=()
        for i in $(seq "$RUNS"); do
            for h in 1 4; do
                timed "$REWIND" run "$e" --stats --harts $h >/dev/null
                ins=$(insns_of); wall=$(grep -iE '^wall' "$W/out" | sed -E 's/[^0-9.]*([0-9.]+).*/\1/')
                if [ -n "$ins" ] && [ -n "$wall" ]; then S[$h]+="$(echo "$wall * 1000000000 / $ins" | bc -l) "; else
                    echo "bench-mt-rv$x, $h harts, failed:" >&2; sed 's/^/  | /' "$W/out" >&2; FAILED=1; fi
                [ $h = 4 ] && N4=$ins
            done
            read -r w c <<<"$(qemu "$x" "$e" -smp 4 -icount shift=0)"
            # QEMU runs the same program: its instruction count is Rewind's (same ELF, deterministic) within the
            # settle loop of rt_nharts; use Rewind's 4-hart count.
            S[q]+="$(echo "($w - ${QB[$x]}) * 1000000000 / $N4" | bc -l) "
        done
        m1=$(tr ' ' '\n' <<<"${S[1]:-}" | grep . | median); m4=$(tr ' ' '\n' <<<"${S[4]:-}" | grep . | median)
        mq=$(tr ' ' '\n' <<<"${S[q]:-}" | grep . | median)
        printf '%-16s %14.3f %14.3f %14.3f %14.2f\n' "bench-mt-rv$x" "$m1" "$m4" "$mq" "$(echo "$mq / $m4" | bc -l)"
    done
    echo "(Rewind figures from its --stats wall time, i.e. the run itself; QEMU's net of start-up)"
fi
echo "load after: $(load)"
exit $FAILED
