/* Code loaded from storage (work, MODE_LOAD_CODE): the kernel runs a function, writes a sector holding new instructions for it to
 * its partition, reads that sector back over the function's code through the block device (the hypervisor writes the bytes into
 * RAM), and runs the function again without any cache maintenance: the new instructions must be what runs. */
#include "kernel.h"

#if PERSONA_WORK
#define CODE_SECTOR 32

u64 patch_target(void);

static u32 code[128] __attribute__((aligned(16)));

void load_code_from_storage(void)
{
    u64 before = patch_target();
    code[0] = 0xd2800040; /* mov x0, #2 */
    code[1] = 0xd65f03c0; /* ret */
    int failed = blk_init() != 0;
    failed |= blk_transfer(1, CODE_SECTOR, code, sizeof code);
    failed |= blk_transfer(0, CODE_SECTOR, (void *)patch_target, sizeof code);
    u64 after = patch_target();
    /* 0x12: the old code returned 1, the loaded code 2; 0x11 would be the stale instructions still running. */
    say("code from storage ran", failed ? 0 : before * 16 + after);
}
#endif
