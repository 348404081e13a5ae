/* Minimal GICv3 bring-up at EL2: distributor, a core's redistributor and its CPU interface. */
#include "lib.h"

void gic_init_distributor(void)
{
    /* EnableGrp0 | EnableGrp1 | ARE */
    mmio32(GICD_BASE + 0x0) = 0x13;
    dsb();
}

void gic_init_cpu(u64 cpu)
{
    u64 rd = GICR_BASE + cpu * GICR_STRIDE;
    u64 sgi = rd + GICR_SGI_OFFSET;
    mmio32(rd + 0x14) &= ~2u;
    while (mmio32(rd + 0x14) & 4u)
        ;
    mmio32(sgi + 0x80) = 0xFFFFFFFFu;
    write_sysreg(S3_4_C12_C9_5, 0xFUL); /* ICC_SRE_EL2 */
    isb();
    write_sysreg(S3_0_C12_C12_5, 0x7UL); /* ICC_SRE_EL1 */
    isb();
    write_sysreg(S3_0_C4_C6_0, 0xFFUL); /* ICC_PMR_EL1 */
    write_sysreg(S3_0_C12_C12_7, 1UL);  /* ICC_IGRPEN1_EL1 */
    isb();
}

void gic_enable_private(u64 cpu, u32 intid, u32 priority)
{
    u64 sgi = GICR_BASE + cpu * GICR_STRIDE + GICR_SGI_OFFSET;
    volatile unsigned char *prio = (volatile unsigned char *)(sgi + 0x400);
    prio[intid] = (unsigned char)priority;
    mmio32(sgi + 0x100) = 1u << intid;
    dsb();
}
