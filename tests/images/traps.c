/*
 * Every trap class the hypervisor uses, taken from an EL1 guest to EL2:
 * HVC, SMC (TSC), MSR (TVM), MRS (TID3), WFI (TWI), FP (CPACR_EL1 to EL1, then CPTR_EL2.TFP to EL2),
 * stage-2 data aborts (translation, permission, with and without a valid syndrome), a stage-2 instruction abort,
 * and the EL1-local undefined instruction and SVC.
 */
#include "lib.h"

static u64 guest_stack[512] __attribute__((aligned(16)));

void secondary_main(u64 cpu)
{
    (void)cpu;
}

void el2_exception(struct frame *f, u64 vector)
{
    u64 esr = read_sysreg(esr_el2);
    u64 ec = esr >> 26;
    u64 elr = read_sysreg(elr_el2);
    if (vector != VEC_LOWER_SYNC) {
        print_hex("unexpected EL2 vector", vector);
        psci_system_off();
    }
    if (ec == 0x16 && (esr & 0xFFFF) == 0xFFFF) {
        puts("guest done\n");
        el2_guest_done(f);
    }
    print_hex("EL2 esr", esr);
    print_hex("  elr", elr);
    print_hex("  spsr", read_sysreg(spsr_el2));
    switch (ec) {
    case 0x16: /* HVC: ELR already points past the instruction. */
        f->x[0] = 0x600D;
        break;
    case 0x18: /* MSR/MRS: emulate an MRS of ID_AA64MMFR0_EL1 by returning a marker. */
        if (esr & 1)
            f->x[(esr >> 5) & 31] = 0x1124;
        write_sysreg(elr_el2, elr + 4);
        break;
    case 0x24: /* data abort: skip the access */
        print_hex("  far", read_sysreg(far_el2));
        print_hex("  hpfar", read_sysreg(hpfar_el2));
        write_sysreg(elr_el2, elr + 4);
        break;
    case 0x20: /* instruction abort: return to the caller (the guest branched with BLR) */
        print_hex("  far", read_sysreg(far_el2));
        print_hex("  hpfar", read_sysreg(hpfar_el2));
        write_sysreg(elr_el2, f->x[30]);
        break;
    case 0x07: /* FP trapped by CPTR_EL2.TFP: skip it (FP/SIMD execution itself is out of scope for the emulator) */
        write_sysreg(elr_el2, elr + 4);
        break;
    default:
        write_sysreg(elr_el2, elr + 4);
        break;
    }
}

void el1_exception(struct frame *f, u64 vector)
{
    (void)f;
    u64 esr = read_sysreg(esr_el1);
    print_hex("EL1 vector", vector);
    print_hex("  esr", esr);
    print_hex("  elr", read_sysreg(elr_el1));
    print_hex("  spsr", read_sysreg(spsr_el1));
    if ((esr >> 26) == 0x07) {
        /* FP disabled by CPACR_EL1: enable it and retry, so the next attempt meets CPTR_EL2.TFP. */
        write_sysreg(cpacr_el1, 3UL << 20);
        isb();
        return;
    }
    if ((esr >> 26) != 0x15)
        write_sysreg(elr_el1, read_sysreg(elr_el1) + 4);
}

static void guest(void)
{
    register u64 x0 __asm__("x0");
    puts("guest at EL1\n");
    print_hex("guest CurrentEL", read_sysreg(CurrentEL) >> 2);

    __asm__ volatile("hvc #0x1234" : "=r"(x0) : : "memory");
    print_hex("hvc returned", x0);

    __asm__ volatile("mov x0, #0\n smc #0x55" ::: "x0", "memory");
    __asm__ volatile("movz x0, #0x0800\n movk x0, #0x30d0, lsl #16\n msr sctlr_el1, x0" ::: "x0", "memory");
    u64 id;
    __asm__ volatile("mrs %0, id_aa64mmfr0_el1" : "=r"(id) : : "memory");
    print_hex("id_aa64mmfr0 as emulated", id);
    __asm__ volatile("wfi" ::: "memory");

    __asm__ volatile("fmov d0, xzr" ::: "memory");
    __asm__ volatile("fmov d1, xzr" ::: "memory");
    puts("fp instructions skipped by EL2\n");

    __asm__ volatile("mov x2, #7\n mov x3, #0x80000000\n str w2, [x3]" ::: "x2", "x3", "memory");
    __asm__ volatile("mov x4, #9\n mov x5, #0xc0000000\n add x5, x5, #0x234\n strh w4, [x5]" ::: "x4", "x5", "memory");
    __asm__ volatile("mov x3, #0x80000000\n ldr x10, [x3, #8]" ::: "x3", "x10", "memory");
    __asm__ volatile("mov x3, #0x80000000\n ldrb w11, [x3, #3]" ::: "x3", "x11", "memory");
    __asm__ volatile("mov x3, #0x80000000\n ldp x6, x7, [x3]" ::: "x3", "x6", "x7", "memory");
    __asm__ volatile("mov x3, #0xc0000000\n ldr x12, [x3]" ::: "x3", "x12", "memory");
    puts("read-only stage 2 allows reads\n");
    __asm__ volatile("mov x9, #0x80000000\n add x9, x9, #0x1000\n blr x9" ::: "x9", "x30", "memory");
    puts("back from instruction abort\n");

    __asm__ volatile("udf #0" ::: "memory");
    __asm__ volatile("svc #7" ::: "memory");
    puts("guest finished\n");
    guest_done();
}

int main(void)
{
    puts("traps: start\n");
    stage2_setup();
    write_sysreg(cptr_el2, 0x33FFUL | (1UL << 10));
    write_sysreg(cpacr_el1, 0);
    isb();
    run_el1(guest, (u64)(guest_stack + 512),
            HCR_RW | HCR_VM | HCR_TSC | HCR_TWI | HCR_TVM | HCR_TID3 | HCR_IMO | HCR_FMO | HCR_AMO);
    puts("traps: back at EL2\n");
    print_hex("cptr_el2", read_sysreg(cptr_el2));
    return 0;
}
