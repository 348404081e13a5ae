# Compiler and linker flags for the micro-benchmark guest: read by the Makefile and by the rebuild test (one definition).
# Reproducible: fixed flags, source paths mapped to ".", no build id, no timestamps (ELF has none).
CFLAGS = -O2 -ffreestanding -nostdlib -nostartfiles -mgeneral-regs-only -mstrict-align -march=armv8-a -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables -Wall -Werror -ffile-prefix-map=$(CURDIR)=.
LDFLAGS = -static -nostdlib -Wl,-T,link.ld -Wl,--build-id=none -Wl,--strip-all -Wl,--no-warn-rwx-segments
