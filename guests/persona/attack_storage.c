/* The work kernel's storage attack: requests whose buffers name memory it does not own, and sectors past its partition.
 * Every one must fail with an I/O error (status 1) and copy nothing. */
#include "kernel.h"

#if PERSONA_WORK
void attack_hostile_storage(void)
{
    static unsigned char own[512] __attribute__((aligned(16)));
    u64 accepted = 0;
    if (blk_init() != 0) {
        say("attack hostile storage: no device", 0);
        return;
    }
    /* Read into an IPA past the work RAM (unmapped), into the page the personal persona lent (not work's own), and
     * write from them; then a sector past the end of the partition from an honest buffer. */
    accepted += blk_transfer(0, 0, (void *)0x4E000000UL, 512) == 0;
    accepted += blk_transfer(0, 0, (void *)0x80000000UL, 512) == 0;
    accepted += blk_transfer(1, 0, (void *)0x80000000UL, 512) == 0;
    accepted += blk_transfer(1, 0, (void *)0x4E000000UL, 512) == 0;
    accepted += blk_transfer(1, 0x800000UL, own, 512) == 0;
    accepted += blk_transfer(0, ~0UL, own, 512) == 0;
    say("attack hostile storage accepted", accepted);
}
#endif
