#!/usr/bin/env bash
# Side by side, in one run: the same bare-metal images on qemu-system-aarch64 (TCG) and on Persona's emulator (persona emu),
# wall-time median per side and the ratio ours/QEMU per image. Generalises bench/arm-mips.sh from one image to many.
#
# Usage: bench/qemu-ratio.sh [-r REPETITIONS] [IMAGE.elf ...]
#   With no image: every conformance image (tests/images/*.c, built with tests/images/flags.mk) and the MIPS loop
#   (bench/arm-mips/mips.c, 10,000,000 iterations). An image's source may ask for cores ("persona-cores: N") or a
#   disk ("persona-virtio-disk"); images given by path run on one core without a disk.
# Wall times include each side's start-up (QEMU's boot, .NET start and JIT): for short images the ratio measures
# start-up, not emulation speed (bench/arm-mips.sh cancels start-up for the MIPS figure).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=5
if [[ ${1:-} == -r ]]; then reps=$2; shift 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

images=tests/images
cflags=$(sed -n 's/^CFLAGS = //p' $images/flags.mk)
ldflags=$(sed -n 's/^LDFLAGS = //p' $images/flags.mk)
declare -a elves=() sources=()
if [[ $# -eq 0 ]]; then
    for source in $images/*.c; do
        name=$(basename "$source" .c)
        (cd $images && aarch64-linux-gnu-gcc $cflags $ldflags -o "$work/$name.elf" common/*.S common/*.c "$name.c")
        elves+=("$work/$name.elf"); sources+=("$source")
    done
    (cd $images && aarch64-linux-gnu-gcc $cflags $ldflags -DITERATIONS=10000000UL -o "$work/mips.elf" common/*.S common/*.c ../../bench/arm-mips/mips.c)
    elves+=("$work/mips.elf"); sources+=(bench/arm-mips/mips.c)
else
    for elf in "$@"; do
        [[ -f $elf ]] || { echo "qemu-ratio.sh: $elf: no such image" >&2; exit 2; }
        elves+=("$elf"); sources+=("")
    done
fi

dotnet build src/Persona.Cli -c Release -v q -nologo >/dev/null
persona=src/Persona.Cli/bin/Release/net10.0/persona

# Runs "$@" once with a 120 s limit; prints the wall seconds, or fails naming the command.
seconds() {
    local start end
    start=$(date +%s.%N)
    if ! timeout 120 "$@" >"$work/out" 2>&1; then
        echo "qemu-ratio.sh: '$*' failed or timed out:" >&2; tail -5 "$work/out" >&2; return 1
    fi
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf 'repetitions: %d per side (median); load average at the start: %s\n' "$reps" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %6s %14s %14s %12s\n' image cores "qemu wall s" "ours wall s" "ours/qemu"
for i in "${!elves[@]}"; do
    elf=${elves[$i]} source=${sources[$i]}
    name=$(basename "$elf" .elf)
    cores=1
    qemu_extra=() ours_extra=()
    if [[ -n $source ]]; then
        cores=$(sed -n 's/.*persona-cores:[[:space:]]*\([0-9]*\).*/\1/p' "$source" | head -1)
        cores=${cores:-1}
        if grep -q persona-virtio-disk "$source"; then
            head -c 65536 /dev/zero >"$work/$name-qemu.img"; printf 'persona disk sector 0' | dd of="$work/$name-qemu.img" conv=notrunc status=none
            cp "$work/$name-qemu.img" "$work/$name-ours.img"
            qemu_extra=(-drive "file=$work/$name-qemu.img,format=raw,if=none,id=disk0" -device virtio-blk-device,drive=disk0)
            ours_extra=(--disk "$work/$name-ours.img")
        fi
    fi
    qemu_times=() ours_times=()
    for _ in $(seq "$reps"); do
        qemu_times+=("$(seconds qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 -cpu cortex-a57 -nographic -smp "$cores" -kernel "$elf" "${qemu_extra[@]}")")
        ours_times+=("$(seconds "$persona" emu "$elf" --cores "$cores" "${ours_extra[@]}")")
    done
    q=$(printf '%s\n' "${qemu_times[@]}" | median)
    o=$(printf '%s\n' "${ours_times[@]}" | median)
    printf '%-10s %6s %14.3f %14.3f %12.2f\n' "$name" "$cores" "$q" "$o" "$(echo "$o / $q" | bc -l)"
done
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
