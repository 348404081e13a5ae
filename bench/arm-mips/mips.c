/*
 * MIPS benchmark image: an EL1 guest under stage 2 (identity RAM, VMID 1) runs a load/add/store loop of exactly
 * 7 instructions per iteration over a 4 KiB buffer, then powers off. ITERATIONS is set on the compiler command line.
 * Built with the conformance images' common code (tests/images/common); see bench/arm-mips.sh.
 */
#include "lib.h"

#ifndef ITERATIONS
#define ITERATIONS 1000000UL
#endif

static u64 guest_stack[512] __attribute__((aligned(16)));
static u64 buffer[512] __attribute__((aligned(4096)));

void secondary_main(u64 cpu)
{
    (void)cpu;
}

void el1_exception(struct frame *f, u64 vector)
{
    (void)f;
    print_hex("unexpected EL1 vector", vector);
    psci_system_off();
}

void el2_exception(struct frame *f, u64 vector)
{
    u64 esr = read_sysreg(esr_el2);
    if (vector == VEC_LOWER_SYNC && (esr >> 26) == 0x16)
        el2_guest_done(f);
    print_hex("unexpected EL2 vector", vector);
    print_hex("  esr", esr);
    psci_system_off();
}

static void guest(void)
{
    u64 n = ITERATIONS;
    u64 offset = 0;
    __asm__ volatile(
        "1: ldr x3, [%[buf], %[off]]\n"
        "   add x3, x3, #1\n"
        "   str x3, [%[buf], %[off]]\n"
        "   add %[off], %[off], #8\n"
        "   and %[off], %[off], #0xff8\n"
        "   subs %[n], %[n], #1\n"
        "   b.ne 1b\n"
        : [n] "+r"(n), [off] "+r"(offset)
        : [buf] "r"(buffer)
        : "x3", "cc", "memory");
    guest_done();
}

int main(void)
{
    stage2_setup();
    write_sysreg(cptr_el2, 0x33FFUL);
    run_el1(guest, (u64)(guest_stack + 512), HCR_RW | HCR_VM);
    print_hex("sum", buffer[0] + buffer[511]);
    return 0;
}
