/* UART output, PSCI and the EL2->EL1->EL2 round trip shared by every conformance image. */
#include "lib.h"

void putc(char c)
{
    volatile u32 *dr = (volatile u32 *)UART_BASE;
    *dr = (u32)c;
}

void puts(const char *s)
{
    while (*s)
        putc(*s++);
}

void put_hex(u64 v)
{
    puts("0x");
    int started = 0;
    for (int shift = 60; shift >= 0; shift -= 4) {
        int digit = (int)((v >> shift) & 0xF);
        if (digit || started || shift == 0) {
            putc((char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            started = 1;
        }
    }
}

void print_hex(const char *label, u64 v)
{
    puts(label);
    puts("=");
    put_hex(v);
    puts("\n");
}

u64 psci_call(u64 fn, u64 a1, u64 a2, u64 a3)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = a1;
    register u64 x2 __asm__("x2") = a2;
    register u64 x3 __asm__("x3") = a3;
    __asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    return x0;
}

/* The last line of every image that ran to the end: the conformance test requires it on QEMU. */
void image_finished(void)
{
    puts("image finished\n");
}

void psci_system_off(void)
{
    psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

void guest_done(void)
{
    __asm__ volatile("hvc #0xffff" ::: "memory");
    for (;;)
        ;
}

void el1_enter(u64 entry, u64 stack);

void run_el1(void (*fn)(void), u64 stack, u64 hcr)
{
    write_sysreg(hcr_el2, hcr);
    write_sysreg(vbar_el1, (u64)vectors_el1);
    isb();
    el1_enter((u64)fn, stack);
}
