/* A 4 GiB stage-2 address space starting at level 1 (VTCR = 0x80023560), built from 1 GiB blocks. */
#include "lib.h"

#define S2_BLOCK 0x1UL
#define S2_AF (1UL << 10)
#define S2_SH_INNER (3UL << 8)
#define S2_AP_RO (1UL << 6)
#define S2_AP_RW (3UL << 6)
#define S2_MEM_NORMAL (0xFUL << 2)
#define S2_MEM_DEVICE (0x1UL << 2)

u64 *stage2_l1(void)
{
    return (u64 *)(__pagetables + 0xF000);
}

/*
 * IPA 0x00000000-0x3FFFFFFF: device, RW (GIC, UART: the guest may print).
 * IPA 0x40000000-0x7FFFFFFF: RAM, RW, identity.
 * IPA 0x80000000-0xBFFFFFFF: unmapped (translation faults).
 * IPA 0xC0000000-0xFFFFFFFF: RAM again, read-only (permission faults).
 */
void stage2_setup(void)
{
    u64 *l1 = stage2_l1();
    l1[0] = 0x00000000UL | S2_AF | S2_AP_RW | S2_MEM_DEVICE | S2_BLOCK;
    l1[1] = 0x40000000UL | S2_AF | S2_SH_INNER | S2_AP_RW | S2_MEM_NORMAL | S2_BLOCK;
    l1[2] = 0;
    l1[3] = 0x40000000UL | S2_AF | S2_SH_INNER | S2_AP_RO | S2_MEM_NORMAL | S2_BLOCK;
    dsb();
    write_sysreg(vtcr_el2, 0x80023560UL);
    write_sysreg(vttbr_el2, (u64)l1 | (1UL << 48));
    isb();
    __asm__ volatile("tlbi vmalls12e1is\n dsb ish\n isb" ::: "memory");
}
