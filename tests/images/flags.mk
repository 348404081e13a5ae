# Compiler and linker flags for the conformance images: read by the Makefile and by the conformance tests (one definition).
CFLAGS = -O2 -ffreestanding -nostdlib -nostartfiles -mgeneral-regs-only -mstrict-align -march=armv8-a -fno-pic -fno-stack-protector -Wall -Werror -Icommon
LDFLAGS = -static -nostdlib -Wl,-T,common/link.ld -Wl,--build-id=none -Wl,--no-warn-rwx-segments
