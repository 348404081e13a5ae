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

static u64 smc3(u64 fn, u64 a1, u64 a2, u64 a3)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = a1;
    register u64 x2 __asm__("x2") = a2;
    register u64 x3 __asm__("x3") = a3;
    __asm__ volatile("smc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3) : "memory");
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

/* Polls the virtual CPU interface (IRQs masked) until it hands out an interrupt other than the spurious INTID, and returns its IAR. */
static u64 wait_interrupt(void)
{
    u64 iar;
    do
        SYSREG_READ(ICC_IAR1_EL1, iar);
    while ((iar & 0xffffff) == INTID_SPURIOUS);
    return iar;
}

static void enable_interrupt_interface(void)
{
    SYSREG_WRITE(ICC_PMR_EL1, 0xff);
    SYSREG_WRITE(ICC_IGRPEN1_EL1, 1);
}

/* Sends SGI intid to the vCPUs in the Aff0 target list (a trapped write: the hypervisor injects a virtual SGI into each). */
static inline void send_sgi(u64 intid, u64 targets) { SYSREG_WRITE(ICC_SGI1R_EL1, (intid << 24) | targets); }

void secondary_entry(void);

static u64 secondary_stack[SECONDARY_STACK_BYTES / sizeof(u64)] __attribute__((aligned(16)));
static volatile u64 secondary_ready;

/* vCPU 1: answers each SGI_PING from vCPU 0 with an SGI_PONG, ITERATIONS times (plus the warm-up), then powers itself off. */
void secondary_main(void)
{
    enable_interrupt_interface();
    secondary_ready = 1;
    for (u64 i = 0; i < ITERATIONS + 1; i++) {
        u64 iar = wait_interrupt();
        SYSREG_WRITE(ICC_EOIR1_EL1, iar);
        send_sgi(SGI_PONG, 1UL << 0);
    }
    smc3(PSCI_CPU_OFF, 0, 0, 0);
}

/* One round trip: send SGI_PING to vCPU 1, poll until its SGI_PONG arrives, end it. */
static void ipi_round_trip(void)
{
    send_sgi(SGI_PING, 1UL << 1);
    SYSREG_WRITE(ICC_EOIR1_EL1, wait_interrupt());
}

/* Each iteration: vCPU 0 sends an SGI to vCPU 1 (a trap: the hypervisor injects it into vCPU 1's list registers), vCPU 1 takes it
   (polling ICC_IAR1_EL1), ends it and answers with an SGI (a trap on its core), which vCPU 0 takes and ends. Both vCPUs run on one
   machine clock, so the ticks count both cores' instructions. vCPU 1 is started here, after the other tests, so they run alone. */
static u64 bench_ipi(void)
{
    enable_interrupt_interface();
    if (smc3(PSCI_CPU_ON, 1, (u64)secondary_entry, (u64)&secondary_stack[SECONDARY_STACK_BYTES / sizeof(u64)]) != 0)
        return 0;
    while (!secondary_ready)
        ;
    /* The warm-up round trip is outside the measurement, as the world switch's first switch is. */
    ipi_round_trip();
    u64 start = counter();
    for (u64 i = 0; i < ITERATIONS; i++)
        ipi_round_trip();
    return counter() - start;
}

static void suite(u64 smp)
{
    /* The first switch boots the partner (it clears its BSS before it switches back): keep that out of the measurement. */
    hvc(HC_SWITCH, 0);
    u64 empty = bench_empty();
    u64 hypercall = bench_hypercall();
    u64 mmio = bench_mmio_read();
    u64 world_switch = bench_world_switch();
    u64 virq = bench_virq();
    u64 ipi = smp ? bench_ipi() : 0;
    puts("microbench: virtual counter ticks per iteration (CNTVCT_EL0), as the guest sees them\n");
    puts("test                    iterations       ticks  per-iter\n");
    row("empty-loop", empty);
    row("hypercall", hypercall);
    row("mmio-read", mmio);
    row("world-switch-round-trip", world_switch);
    row("virq-completion", virq);
    if (smp)
        row("ipi-round-trip", ipi);
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

void microbench_main(u64 flags)
{
    u64 mode = flags & MODE_MASK;
    if (mode == MODE_PARTNER) {
        while (hvc(HC_SWITCH, 0) == 0)
            ;
        power_off();
    }
    if (mode == MODE_WORKLOAD)
        workload();
    else
        suite(flags & MODE_SMP);
    power_off();
}
