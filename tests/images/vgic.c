/*
 * Interrupts: an SGI and the EL2 physical (hyp) timer taken at EL2; a virtual IRQ injected through ICH_LR0 and
 * acknowledged by the guest through ICV_IAR1; the guest's virtual timer (PPI 27) taken at EL2, masked, and
 * forwarded into the guest through a list register, as a hypervisor does.
 */
#include "lib.h"

#define LR_PENDING (1UL << 62)
#define LR_GROUP1 (1UL << 60)

static u64 guest_stack[512] __attribute__((aligned(16)));
static volatile u64 el2_irqs;
static volatile u64 guest_irqs;

void secondary_main(u64 cpu)
{
    (void)cpu;
}

static u64 ack(void) { return read_sysreg(S3_0_C12_C12_0); }
static void eoi(u64 id) { write_sysreg(S3_0_C12_C12_1, id); isb(); }

void el2_exception(struct frame *f, u64 vector)
{
    if (vector == VEC_CUR_SPX_IRQ || vector == VEC_LOWER_IRQ) {
        u64 id = ack();
        print_hex(vector == VEC_CUR_SPX_IRQ ? "EL2 irq from EL2" : "EL2 irq from EL1", id);
        if (id == 26)
            write_sysreg(S3_4_C14_C2_1, 0UL); /* CNTHP_CTL_EL2: stop the hyp timer */
        if (id == 27) {
            /* Mask the guest's virtual timer and forward it through LR0. */
            write_sysreg(cntv_ctl_el0, read_sysreg(cntv_ctl_el0) | 2UL);
            isb();
        }
        eoi(id);
        if (id == 27)
            write_sysreg(S3_4_C12_C12_0, LR_PENDING | LR_GROUP1 | (0xA0UL << 48) | 27UL);
        el2_irqs++;
        return;
    }
    u64 esr = read_sysreg(esr_el2);
    if (vector == VEC_LOWER_SYNC && (esr >> 26) == 0x16) {
        u64 imm = esr & 0xFFFF;
        if (imm == 0xFFFF) {
            puts("guest done\n");
            el2_guest_done(f);
        }
        print_hex("EL2 hvc", imm);
        print_hex("  lr0", read_sysreg(S3_4_C12_C12_0));
        print_hex("  elrsr", read_sysreg(S3_4_C12_C11_5));
        print_hex("  misr", read_sysreg(S3_4_C12_C11_2));
        print_hex("  vmcr", read_sysreg(S3_4_C12_C11_7));
        return;
    }
    print_hex("unexpected EL2 vector", vector);
    print_hex("  esr", esr);
    psci_system_off();
}

void el1_exception(struct frame *f, u64 vector)
{
    (void)f;
    if (vector != VEC_CUR_SPX_IRQ) {
        print_hex("unexpected EL1 vector", vector);
        print_hex("  esr", read_sysreg(esr_el1));
        guest_done();
    }
    u64 id = ack();
    print_hex("guest virtual irq", id);
    print_hex("  icv_rpr", read_sysreg(S3_0_C12_C11_3));
    if (id == 27)
        write_sysreg(cntv_ctl_el0, 0UL);
    eoi(id);
    guest_irqs++;
}

static void guest(void)
{
    puts("guest at EL1\n");
    write_sysreg(S3_0_C4_C6_0, 0xFFUL);   /* ICV_PMR_EL1 */
    write_sysreg(S3_0_C12_C12_7, 1UL);    /* ICV_IGRPEN1_EL1 */
    isb();
    print_hex("guest icv_pmr", read_sysreg(S3_0_C4_C6_0));
    __asm__ volatile("msr daifclr, #2\n isb" ::: "memory");
    while (guest_irqs < 1)
        ;
    __asm__ volatile("hvc #1" ::: "memory");

    puts("guest arms its virtual timer\n");
    write_sysreg(cntv_tval_el0, 2000UL);
    write_sysreg(cntv_ctl_el0, 1UL);
    isb();
    wait_for_irq_until(guest_irqs >= 2);
    __asm__ volatile("hvc #2" ::: "memory");
    guest_done();
}

int main(void)
{
    puts("vgic: start\n");
    /* IMO/FMO route physical interrupts to EL2; without them EL2 never takes an IRQ. */
    write_sysreg(hcr_el2, HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO);
    isb();
    gic_init_distributor();
    gic_init_cpu(0);
    gic_enable_private(0, 3, 0x80);
    gic_enable_private(0, 26, 0x80);
    gic_enable_private(0, 27, 0x80);
    print_hex("ich_vtr", read_sysreg(S3_4_C12_C11_1));
    print_hex("icc_pmr", read_sysreg(S3_0_C4_C6_0));

    __asm__ volatile("msr daifclr, #2\n isb" ::: "memory");
    write_sysreg(S3_0_C12_C11_5, (3UL << 24) | 1UL); /* ICC_SGI1R_EL1: SGI 3 to core 0 */
    isb();
    while (el2_irqs < 1)
        ;
    write_sysreg(S3_4_C14_C2_0, 1000UL); /* CNTHP_TVAL_EL2 */
    write_sysreg(S3_4_C14_C2_1, 1UL);    /* CNTHP_CTL_EL2: enable */
    isb();
    wait_for_irq_until(el2_irqs >= 2);

    write_sysreg(S3_4_C12_C11_0, 1UL); /* ICH_HCR_EL2.En */
    write_sysreg(S3_4_C12_C12_0, LR_PENDING | LR_GROUP1 | (0xA0UL << 48) | 40UL);
    isb();
    run_el1(guest, (u64)(guest_stack + 512), HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO);
    puts("vgic: back at EL2\n");
    print_hex("el2 irqs", el2_irqs);
    print_hex("guest irqs", guest_irqs);
    return 0;
}
