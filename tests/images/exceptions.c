/*
 * Exceptions and EL transitions: SVC, BRK, UDF, HLT, HVC, SMC and ERET/SPSel misuse from EL1 and EL0; their ESR, ELR and
 * SPSR; illegal exception returns; PC alignment, SCTLR_EL1.A and exclusive alignment faults with FAR; the local monitor across an exception and
 * its return; the EL0 traps of SCTLR_EL1 (UCT, DZE, UMA, nTWI); DCZID_EL0 (BS, DZP) and DC ZVA, with HCR_EL2.TDZ.
 */
#include "lib.h"

#define HCR_TDZ (1UL << 28)
#define SCTLR_A (1UL << 1)
#define SCTLR_EL1_BASE 0x30D00800UL

static u64 guest_stack[512] __attribute__((aligned(16)));
static u64 el0_stack[512] __attribute__((aligned(16)));
static volatile u64 buffer[32] __attribute__((aligned(64)));
static volatile u64 exclusive_word __attribute__((aligned(16)));

void el0_enter(void (*fn)(void), u64 stack);
void el1_el0_done(void);

/* el0_enter(fn, stack): saves the EL1 callee-saved state and ERETs to fn at EL0t (DAIF masked); el1_el0_done returns
 * from it when the EL0 code issues svc #0xffff. */
__asm__(
    ".text\n"
    ".global el0_enter\n"
    "el0_enter:\n"
    "    stp x29, x30, [sp, #-96]!\n"
    "    stp x19, x20, [sp, #16]\n"
    "    stp x21, x22, [sp, #32]\n"
    "    stp x23, x24, [sp, #48]\n"
    "    stp x25, x26, [sp, #64]\n"
    "    stp x27, x28, [sp, #80]\n"
    "    adrp x2, saved_el1_sp\n"
    "    add x2, x2, :lo12:saved_el1_sp\n"
    "    mov x3, sp\n"
    "    str x3, [x2]\n"
    "    msr elr_el1, x0\n"
    "    msr sp_el0, x1\n"
    "    mov x4, #0x3c0\n"
    "    msr spsr_el1, x4\n"
    "    isb\n"
    "    eret\n"
    ".global el1_el0_done\n"
    "el1_el0_done:\n"
    "    adrp x2, saved_el1_sp\n"
    "    add x2, x2, :lo12:saved_el1_sp\n"
    "    ldr x3, [x2]\n"
    "    mov sp, x3\n"
    "    ldp x19, x20, [sp, #16]\n"
    "    ldp x21, x22, [sp, #32]\n"
    "    ldp x23, x24, [sp, #48]\n"
    "    ldp x25, x26, [sp, #64]\n"
    "    ldp x27, x28, [sp, #80]\n"
    "    ldp x29, x30, [sp], #96\n"
    "    ret\n"
    ".bss\n"
    ".balign 8\n"
    "saved_el1_sp: .skip 8\n"
    ".text\n");

void secondary_main(u64 cpu)
{
    (void)cpu;
}

static int is_abort(u64 ec)
{
    return ec == 0x20 || ec == 0x21 || ec == 0x22 || ec == 0x24 || ec == 0x25;
}

void el2_exception(struct frame *f, u64 vector)
{
    u64 esr = read_sysreg(esr_el2);
    u64 ec = esr >> 26;
    if (vector != VEC_LOWER_SYNC) {
        print_hex("unexpected EL2 vector", vector);
        psci_system_off();
    }
    if (ec == 0x16 && (esr & 0xFFFF) == 0xFFFF) {
        puts("guest done\n");
        el2_guest_done(f);
    }
    print_hex("EL2 esr", esr);
    print_hex("  elr", read_sysreg(elr_el2));
    print_hex("  spsr", read_sysreg(spsr_el2));
    if (ec != 0x16)
        write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

void el1_exception(struct frame *f, u64 vector)
{
    u64 esr = read_sysreg(esr_el1);
    u64 ec = esr >> 26;
    if (vector == VEC_LOWER_SYNC && ec == 0x15 && (esr & 0xFFFF) == 0xFFFF)
        el1_el0_done();
    print_hex("EL1 vector", vector);
    /* QEMU 7.2 swaps Op1 and Op2 in the syndrome of a trapped MSR (immediate) (op0 0, CRn 4): compare the rest only. */
    if (ec == 0x18 && ((esr >> 20) & 3) == 0 && ((esr >> 10) & 15) == 4)
        print_hex("  esr (op1, op2 masked)", esr & ~(0x3FUL << 14));
    else
        print_hex("  esr", esr);
    print_hex("  elr", read_sysreg(elr_el1));
    print_hex("  spsr", read_sysreg(spsr_el1));
    if (is_abort(ec))
        print_hex("  far", read_sysreg(far_el1));
    if (ec == 0x22) {
        write_sysreg(elr_el1, f->x[30]);
        return;
    }
    if (ec == 0x0E) /* illegal execution state: return without PSTATE.IL */
        write_sysreg(spsr_el1, read_sysreg(spsr_el1) & ~(1UL << 20));
    if (ec != 0x15)
        write_sysreg(elr_el1, read_sysreg(elr_el1) + 4);
}

static void el0_done(void)
{
    __asm__ volatile("svc #0xffff" ::: "memory");
}

static void el0_svc(void) { __asm__ volatile("svc #0x55" ::: "memory"); el0_done(); }
static void el0_brk(void) { __asm__ volatile("brk #0x66" ::: "memory"); el0_done(); }
static void el0_udf(void) { __asm__ volatile("udf #0x77" ::: "memory"); el0_done(); }
static void el0_hlt(void) { __asm__ volatile("hlt #0x88" ::: "memory"); el0_done(); }
static void el0_hvc(void) { __asm__ volatile("hvc #0x99" ::: "memory"); el0_done(); }
static void el0_smc(void) { __asm__ volatile("smc #0xaa" ::: "memory"); el0_done(); }
static void el0_eret(void) { __asm__ volatile("eret" ::: "memory"); el0_done(); }
static void el0_spsel(void) { __asm__ volatile("msr spsel, #1" ::: "memory"); el0_done(); }
static void el0_el1_register(void) { __asm__ volatile("mrs x0, sctlr_el1" ::: "x0", "memory"); el0_done(); }
static void el0_ctr(void) { __asm__ volatile("mrs x3, ctr_el0" ::: "x3", "memory"); el0_done(); }
static void el0_daif(void) { __asm__ volatile("msr daifset, #2" ::: "memory"); el0_done(); }
static void el0_daif_read(void) { __asm__ volatile("mrs x4, daif" ::: "x4", "memory"); el0_done(); }
static void el0_wfi(void) { __asm__ volatile("wfi" ::: "memory"); el0_done(); }
static void el0_wfe(void) { __asm__ volatile("sevl\n wfe" ::: "memory"); el0_done(); }
static void el0_dc_zva(void) { __asm__ volatile("dc zva, %0" : : "r"(&buffer[0]) : "memory"); el0_done(); }
static void el0_dc_civac(void) { __asm__ volatile("dc civac, %0" : : "r"(&buffer[0]) : "memory"); el0_done(); }
static void el0_dczid(void) { u64 v; __asm__ volatile("mrs %0, dczid_el0" : "=r"(v) : : "memory"); buffer[1] = v; el0_done(); }

static void run_at_el0(const char *label, void (*fn)(void))
{
    puts(label);
    puts("\n");
    el0_enter(fn, (u64)(el0_stack + 512));
}

static u64 sum_buffer(void)
{
    u64 sum = 0;
    for (int i = 0; i < 32; i++)
        sum = sum * 3 + buffer[i];
    return sum;
}

static void fill_buffer(void)
{
    for (int i = 0; i < 32; i++)
        buffer[i] = 0xAAAAAAAA00000000UL | (u64)i;
}

static void guest(void)
{
    puts("guest at EL1\n");
    puts("svc from EL1:\n");
    __asm__ volatile("svc #0x11" ::: "memory");
    puts("brk from EL1:\n");
    __asm__ volatile("brk #0x22" ::: "memory");
    puts("udf from EL1:\n");
    __asm__ volatile("udf #0x23" ::: "memory");
    puts("hlt from EL1:\n");
    __asm__ volatile("hlt #0x33" ::: "memory");
    puts("hvc from EL1:\n");
    __asm__ volatile("hvc #0x44" ::: "memory");
    puts("smc from EL1 (TSC):\n");
    __asm__ volatile("mov x0, #0\n smc #0x45" ::: "x0", "memory");
    puts("misaligned branch target:\n");
    __asm__ volatile("adr x9, 1f\n add x9, x9, #2\n blr x9\n b 2f\n 1: nop\n nop\n 2:" ::: "x9", "x30", "memory");

    puts("eret to EL2 from EL1 (illegal return):\n");
    __asm__ volatile("adr x9, 1f\n msr elr_el1, x9\n mov x10, #0x3c9\n msr spsr_el1, x10\n isb\n eret\n 1: nop\n"
                     ::: "x9", "x10", "cc", "memory");
    puts("eret to EL0 with SP_EL1 (illegal return):\n");
    __asm__ volatile("adr x9, 1f\n msr elr_el1, x9\n mov x10, #0x3c1\n msr spsr_el1, x10\n isb\n eret\n 1: nop\n"
                     ::: "x9", "x10", "cc", "memory");
    puts("SCTLR_EL1.A alignment faults:\n");
    write_sysreg(sctlr_el1, SCTLR_EL1_BASE | SCTLR_A);
    isb();
    __asm__ volatile("ldr x5, [%0, #4]" : : "r"(&buffer[0]) : "x5", "memory");
    __asm__ volatile("str w5, [%0, #2]" : : "r"(&buffer[0]) : "x5", "memory");
    write_sysreg(sctlr_el1, SCTLR_EL1_BASE);
    isb();
    puts("misaligned exclusive:\n");
    __asm__ volatile("ldxr x5, [%0]" : : "r"((u64)&buffer[0] + 4) : "x5", "memory");
    puts("misaligned load-acquire:\n");
    __asm__ volatile("ldar w5, [%0]" : : "r"((u64)&buffer[0] + 2) : "x5", "memory");

    u64 status;
    __asm__ volatile("ldxr x5, [%1]\n stxr w6, x5, [%1]\n mov %0, x6" : "=r"(status) : "r"(&exclusive_word) : "x5", "x6", "memory");
    print_hex("stxr with nothing between", status);
    __asm__ volatile("ldxr x5, [%1]\n svc #0x12\n stxr w6, x5, [%1]\n mov %0, x6" : "=r"(status) : "r"(&exclusive_word) : "x5", "x6", "memory");
    print_hex("stxr across svc and eret", status);
    __asm__ volatile("ldxr x5, [%1]\n hvc #0x13\n stxr w6, x5, [%1]\n mov %0, x6" : "=r"(status) : "r"(&exclusive_word) : "x5", "x6", "memory");
    print_hex("stxr across hvc and eret", status);
    __asm__ volatile("ldxr x5, [%1]\n clrex\n stxr w6, x5, [%1]\n mov %0, x6" : "=r"(status) : "r"(&exclusive_word) : "x5", "x6", "memory");
    print_hex("stxr after clrex", status);

    u64 spsel, daif;
    __asm__ volatile("msr spsel, #0\n mrs %0, spsel\n msr spsel, #1" : "=r"(spsel) : : "memory");
    print_hex("spsel after msr spsel #0", spsel);
    __asm__ volatile("msr daifclr, #4\n mrs %0, daif\n msr daifset, #15" : "=r"(daif) : : "memory");
    print_hex("daif after daifclr #4", daif);

    print_hex("dczid at EL1", read_sysreg(dczid_el0));
    fill_buffer();
    __asm__ volatile("dc zva, %0" : : "r"((u64)&buffer[0] + 70) : "memory");
    print_hex("buffer after dc zva", sum_buffer());
    print_hex("buffer[7]", buffer[7]);
    print_hex("buffer[8]", buffer[8]);
    print_hex("buffer[15]", buffer[15]);
    print_hex("buffer[16]", buffer[16]);

    write_sysreg(sctlr_el1, SCTLR_EL1_BASE);
    isb();
    run_at_el0("svc from EL0:", el0_svc);
    run_at_el0("brk from EL0:", el0_brk);
    run_at_el0("udf from EL0:", el0_udf);
    run_at_el0("hlt from EL0:", el0_hlt);
    run_at_el0("hvc from EL0:", el0_hvc);
    run_at_el0("smc from EL0:", el0_smc);
    run_at_el0("eret from EL0:", el0_eret);
    run_at_el0("msr spsel from EL0:", el0_spsel);
    run_at_el0("mrs sctlr_el1 from EL0:", el0_el1_register);
    run_at_el0("mrs ctr_el0 from EL0 (UCT=0):", el0_ctr);
    run_at_el0("msr daifset from EL0 (UMA=0):", el0_daif);
    run_at_el0("mrs daif from EL0 (UMA=0):", el0_daif_read);
    run_at_el0("wfi from EL0 (nTWI=0):", el0_wfi);
    run_at_el0("dc zva from EL0 (DZE=0):", el0_dc_zva);
    run_at_el0("dc civac from EL0 (UCI=0):", el0_dc_civac);
    run_at_el0("dczid from EL0 (DZE=0):", el0_dczid);
    print_hex("  dczid", buffer[1]);
    write_sysreg(sctlr_el1, SCTLR_EL1_BASE | (1UL << 14) | (1UL << 15) | (1UL << 26) | (1UL << 9) | (1UL << 16));
    isb();
    run_at_el0("dczid from EL0 (DZE=1):", el0_dczid);
    print_hex("  dczid", buffer[1]);
    fill_buffer();
    run_at_el0("dc zva from EL0 (DZE=1):", el0_dc_zva);
    print_hex("  buffer", sum_buffer());
    run_at_el0("mrs ctr_el0 from EL0 (UCT=1):", el0_ctr);
    run_at_el0("msr daifset from EL0 (UMA=1):", el0_daif);
    run_at_el0("sevl; wfe from EL0 (nTWE=0):", el0_wfe);
    write_sysreg(sctlr_el1, SCTLR_EL1_BASE);
    isb();
    puts("guest finished\n");
    guest_done();
}

static void guest_tdz(void)
{
    puts("guest at EL1 with HCR_EL2.TDZ\n");
    print_hex("dczid at EL1", read_sysreg(dczid_el0));
    puts("dc zva from EL1:\n");
    __asm__ volatile("dc zva, %0" : : "r"(&buffer[0]) : "memory");
    guest_done();
}

int main(void)
{
    puts("exceptions: start\n");
    write_sysreg(cptr_el2, 0x33FFUL);
    run_el1(guest, (u64)(guest_stack + 512), HCR_RW | HCR_TSC);
    run_el1(guest_tdz, (u64)(guest_stack + 512), HCR_RW | HCR_TDZ);
    puts("exceptions: back at EL2\n");
    return 0;
}
