#!/bin/bash
# Runs every guest ELF on QEMU (virt, or spike for tohost programs) and checks output and
# exit code. Usage: ./check-qemu.sh  (from tests/guest; `make check-qemu` calls it)
set -u
cd "$(dirname "$0")"
pass=0; fail=0

# run <xlen> <machine> <smp> <elf> <expected rc (or "a|b")> <expected output>
# expected output: "-" (not checked), "=text" (whole output, \n for newlines), or
# regexes separated by ";;", each of which must match one line (grep -E).
run() {
    local xlen=$1 machine=$2 smp=$3 elf=$4 want_rc=$5 want_out=$6
    local out rc
    out=$(timeout 60 qemu-system-riscv"$xlen" -M "$machine" -smp "$smp" -bios none -nographic \
          -kernel "elf/$elf" 2>&1 </dev/null)
    rc=$?
    out=${out//$'\r'/}
    local ok=1
    [[ "|$want_rc|" == *"|$rc|"* ]] || ok=0
    if [ "${want_out:0:1}" = "=" ]; then
        [ "$out" = "$(printf '%b' "${want_out:1}")" ] || ok=0
    elif [ "$want_out" != "-" ]; then
        local re rest="$want_out;;"
        while [ -n "$rest" ]; do
            re=${rest%%;;*}; rest=${rest#*;;}
            grep -Eq -- "$re" <<<"$out" || ok=0
        done
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1)); printf 'ok   %-22s -M %-5s -smp %d rc=%d\n' "$elf" "$machine" "$smp" "$rc"
    else
        fail=$((fail + 1)); printf 'FAIL %-22s -M %-5s -smp %d rc=%d (want %s, /%s/)\n%s\n' \
            "$elf" "$machine" "$smp" "$rc" "$want_rc" "$want_out" "$out"
    fi
}

for x in 32 64; do
    run $x virt 1 hello-rv$x.elf 0 '=hello from hart 0'
    run $x virt 4 hello-rv$x.elf 0 '=hello from hart 0\nhello from hart 1\nhello from hart 2\nhello from hart 3'
    run $x virt 1 exit-code-rv$x.elf 7 '=bye'
    run $x virt 1 demo-rv$x.elf 2 'demo: needs at least 2 harts'
    run $x virt 2 demo-rv$x.elf 0 'items_produced 4000 \(ok\)'
    # 4 harts: QEMU's real parallelism may or may not hit the lost update
    run $x virt 4 demo-rv$x.elf '0|3' '^hart 3 produced 4000, consumer received 4000$;;^checksum 0x676a15f7$;;^(items_produced 12000 \(ok\)|LOST UPDATE: expected 12000 got [0-9]+)$'
    run $x virt 1 atomics-rv$x.elf 0 'atomics: all ok'
    run $x virt 4 atomics-rv$x.elf 0 '^atomics: 4 harts;;^atomics: all ok$'
    run $x virt 1 trap-rv$x.elf 0 'trap: all ok'
    run $x virt 1 timer-rv$x.elf 0 'timer: 5 interrupts ok'
    run $x virt 4 timer-rv$x.elf 0 'timer: 5 interrupts ok'
    run $x virt 1 uartirq-rv$x.elf 0 'uartirq: 1 harts, ok'
    run $x virt 4 uartirq-rv$x.elf 0 'uartirq: 4 harts, ok'
    run $x virt 1 trigpmp-rv$x.elf 0 'trigpmp: ok'
    run $x spike 1 tohost-rv$x.elf 0 -
    run $x spike 1 tohost-fail-rv$x.elf 3 -
    run $x virt 1 bench-small-rv$x.elf 0 '^bench: 17 iterations, checksum 0xf5aac40f$'
    run $x virt 4 bench-small-rv$x.elf 0 '^bench: 17 iterations, checksum 0xf5aac40f$'
    run $x virt 1 bench-rv$x.elf 0 '^bench: 5000 iterations, checksum 0x353e48c6$'
    run $x virt 1 bench-mt-rv$x.elf 0 '^bench-mt: 1 harts x 200 iterations, checksum 0x550a0838$'
    run $x virt 4 bench-mt-rv$x.elf 0 '^bench-mt: 4 harts x 200 iterations, checksum 0x550a0838$'
done
echo "check-qemu: $pass passed, $fail failed"
[ $fail = 0 ]
