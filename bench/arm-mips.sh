#!/usr/bin/env bash
# Side-by-side MIPS: the same bare-metal image (an EL1 load/store loop under stage 2, bench/arm-mips/mips.c) on
# qemu-system-aarch64 and on Persona's interpreter (persona emu), in one run. Startup cost is cancelled by timing a
# short and a long build of the image and dividing the difference in instructions by the difference in time.
# Usage: bench/arm-mips.sh [repetitions]   (default 5; medians are reported)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
short_iterations=1000000
long_iterations=40000000
instructions_per_iteration=7
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

images=tests/images
cflags=$(sed -n 's/^CFLAGS = //p' $images/flags.mk)
ldflags=$(sed -n 's/^LDFLAGS = //p' $images/flags.mk)
build() { # $1 = iterations, $2 = output
    (cd $images && aarch64-linux-gnu-gcc $cflags $ldflags -DITERATIONS=$1UL -o "$2" common/*.S common/*.c ../../bench/arm-mips/mips.c)
}
build $short_iterations "$work/short.elf"
build $long_iterations "$work/long.elf"

dotnet build src/Persona.Cli -c Release -v q -nologo >/dev/null
persona=src/Persona.Cli/bin/Release/net10.0/persona

qemu() { qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 -cpu cortex-a57 -nographic -kernel "$1"; }
ours() { "$persona" emu "$1"; }

# Runs "$@" once and prints "wall cpu" seconds. CPU time (user + sys) is reported beside wall time because this
# machine is shared: under load, wall time measures the other tenants as much as the emulator.
seconds() {
    local TIMEFORMAT='%R %U %S' t
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    set -- $t
    echo "$1 $(echo "$2 + $3" | bc -l)"
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

mips_of() { # $1 = runner; prints "wall-MIPS cpu-MIPS", the medians over the repetitions
    local side=$1 walls=() cpus=()
    for _ in $(seq "$reps"); do
        local short_wall short_cpu long_wall long_cpu
        read -r short_wall short_cpu < <(seconds "$side" "$work/short.elf")
        read -r long_wall long_cpu < <(seconds "$side" "$work/long.elf")
        local millions
        millions=$(echo "($long_iterations - $short_iterations) * $instructions_per_iteration / 1000000" | bc -l)
        walls+=("$(echo "$millions / ($long_wall - $short_wall)" | bc -l)")
        cpus+=("$(echo "$millions / ($long_cpu - $short_cpu)" | bc -l)")
    done
    echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median)"
}

read -r qemu_mips qemu_cpu_mips < <(mips_of qemu)
read -r ours_mips ours_cpu_mips < <(mips_of ours)
printf 'image: bench/arm-mips/mips.c, EL1 load/add/store loop under stage 2, %d instructions per iteration\n' $instructions_per_iteration
printf 'repetitions: %d (median of each side)\n' "$reps"
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %12s %12s\n' "" "wall MIPS" "CPU MIPS"
printf '%-28s %12.1f %12.1f\n' "qemu-system-aarch64 (TCG)" "$qemu_mips" "$qemu_cpu_mips"
printf '%-28s %12.1f %12.1f\n' "persona emu (interpreter)" "$ours_mips" "$ours_cpu_mips"
printf '%-28s %12.1f %12.1f\n' "ratio qemu/ours" "$(echo "$qemu_mips / $ours_mips" | bc -l)" "$(echo "$qemu_cpu_mips / $ours_cpu_mips" | bc -l)"
