/* Guest-level micro-benchmarks in the manner of kvm-unit-tests' arm micro-bench: each test runs ITERATIONS times between two
   reads of the virtual counter (CNTVCT_EL0), and the table gives counter ticks per iteration as the guest sees them. */
#include "microbench.h"

static inline u64 hvc(u64 fn, u64 arg)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = arg;
    __asm__ volatile("hvc #0" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

static void power_off(void)
{
    register u64 x0 __asm__("x0") = PSCI_SYSTEM_OFF;
    __asm__ volatile("smc #0" : "+r"(x0) : : "memory");
    for (;;)
        __asm__ volatile("wfi");
}

/* The ISB keeps the read from being taken early relative to the measured instructions, as on hardware. */
static inline u64 counter(void)
{
    u64 t;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(t) : : "memory");
    return t;
}

#define SYSREG_WRITE(name, v) __asm__ volatile("msr " name ", %0" ::"r"((u64)(v)) : "memory")
#define SYSREG_READ(name, v) __asm__ volatile("mrs %0, " name : "=r"(v) : : "memory")

static inline u32 mmio_read(u64 offset) { return *(volatile u32 *)(UART_BASE + offset); }

static void putc(char c) { *(volatile u32 *)(UART_BASE + UART_DR) = (u32)c; }

static void puts(const char *s)
{
    while (*s)
        putc(*s++);
}

static void put_dec(u64 v, int width)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = n; i < width; i++)
        putc(' ');
    while (n)
        putc(digits[--n]);
}

static void put_hex(u64 v)
{
    puts("0x");
    for (int shift = 60; shift >= 0; shift -= 4)
        putc("0123456789abcdef"[(v >> shift) & 15]);
}

/* One row: name, iterations, total ticks, ticks per iteration with two decimals. */
static void row(const char *name, u64 ticks)
{
    puts(name);
    u64 len = 0;
    for (const char *p = name; *p; p++)
        len++;
    for (; len < 24; len++)
        putc(' ');
    put_dec(ITERATIONS, 10);
    put_dec(ticks, 12);
    u64 hundredths = ticks * 100 / ITERATIONS;
    put_dec(hundredths / 100, 10);
    putc('.');
    putc((char)('0' + hundredths / 10 % 10));
    putc((char)('0' + hundredths % 10));
    putc('\n');
}

static u64 bench_empty(void)
{
    u64 start = counter();
    for (u64 i = 0; i < ITERATIONS; i++)
        __asm__ volatile("" : : : "memory");
    return counter() - start;
}

static u64 bench_hypercall(void)
{
    u64 start = counter();
    for (u64 i = 0; i < ITERATIONS; i++)
        hvc(HC_STATUS, 0);
    return counter() - start;
}

static u64 bench_mmio_read(void)
{
    u64 start = counter();
    for (u64 i = 0; i < ITERATIONS; i++)
        (void)mmio_read(UART_FR);
    return counter() - start;
}

/* Each iteration: the virtual timer is set to fire at once (CVAL 0 is already past), the guest polls ICC_IAR1_EL1 (the
   virtual CPU interface under HCR_EL2.IMO; IRQs stay masked, so no vector is needed) until the hypervisor has taken the
   physical PPI and injected it, stops the timer so it does not fire again, and ends the interrupt: trigger to EOI. */
static u64 bench_virq(void)
{
    SYSREG_WRITE(ICC_PMR_EL1, 0xff);
    SYSREG_WRITE(ICC_IGRPEN1_EL1, 1);
    SYSREG_WRITE("cntv_cval_el0", 0);
    u64 start = counter();
    for (u64 i = 0; i < ITERATIONS; i++) {
        u64 iar;
        SYSREG_WRITE("cntv_ctl_el0", 1);
        do
            SYSREG_READ(ICC_IAR1_EL1, iar);
        while ((iar & 0xffffff) == INTID_SPURIOUS);
        SYSREG_WRITE("cntv_ctl_el0", 0);
        __asm__ volatile("isb" ::: "memory");
        SYSREG_WRITE(ICC_EOIR1_EL1, iar);
    }
    return counter() - start;
}

/* Each iteration is two world switches: to the work persona, which switches straight back (MODE_PARTNER). */
static u64 bench_world_switch(void)
{
    u64 start = counter();
    for (u64 i = 0; i < ITERATIONS; i++)
        hvc(HC_SWITCH, 0);
    return counter() - start;
}

static void suite(void)
{
    /* The first switch boots the partner (it clears its BSS before it switches back): keep that out of the measurement. */
    hvc(HC_SWITCH, 0);
    u64 empty = bench_empty();
    u64 hypercall = bench_hypercall();
    u64 mmio = bench_mmio_read();
    u64 world_switch = bench_world_switch();
    u64 virq = bench_virq();
    puts("microbench: virtual counter ticks per iteration (CNTVCT_EL0), as the guest sees them\n");
    puts("test                    iterations       ticks  per-iter\n");
    row("empty-loop", empty);
    row("hypercall", hypercall);
    row("mmio-read", mmio);
    row("world-switch-round-trip", world_switch);
    row("virq-completion", virq);
    puts("end\n");
}

static u64 buffer[WORKLOAD_BYTES / sizeof(u64)];

static void workload(void)
{
    u64 sum = 0;
    for (u64 round = 0; round < WORKLOAD_ROUNDS; round++) {
        for (u64 i = 0; i < WORKLOAD_BYTES / sizeof(u64); i += 8) {
            u64 v = buffer[i] + round + i;
            buffer[i] = v ^ (v >> 7);
            sum += v;
        }
        putc('.');
    }
    puts("\nworkload checksum ");
    put_hex(sum);
    putc('\n');
}

void microbench_main(u64 mode)
{
    if (mode == MODE_PARTNER) {
        while (hvc(HC_SWITCH, 0) == 0)
            ;
        power_off();
    }
    if (mode == MODE_WORKLOAD)
        workload();
    else
        suite();
    power_off();
}
