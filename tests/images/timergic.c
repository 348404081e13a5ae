/*
 * Generic timer and GIC CPU interface at EL2: CNTP and CNTV with CVAL and TVAL (sign extension on write, 32 bits on
 * read), ISTATUS and IMASK, ISTATUS of a disabled timer, CNTVOFF_EL2 moving the virtual count past CVAL, a physical
 * timer IRQ (PPI 30) taken at EL2; then SGI priorities: HPPIR, IAR order by priority, running priority (RPR) and
 * preemption, PMR masking, and EOImode 1 (EOIR drops priority, DIR deactivates, seen in GICR_ISACTIVER0).
 */
#include "lib.h"

#define ICC_HPPIR1 S3_0_C12_C12_2
#define ICC_RPR S3_0_C12_C11_3
#define ICC_CTLR S3_0_C12_C12_4
#define ICC_DIR S3_0_C12_C11_1
#define ICC_SGI1R S3_0_C12_C11_5
#define ICC_PMR S3_0_C4_C6_0
/* Expands the register macro before read_sysreg/write_sysreg stringize it. */
#define read_icc(r) read_sysreg(r)
#define write_icc(r, v) write_sysreg(r, v)

static volatile u64 timer_irqs;

void secondary_main(u64 cpu)
{
    (void)cpu;
}

static u64 ack(void) { return read_sysreg(S3_0_C12_C12_0); }
static void eoi(u64 id) { write_sysreg(S3_0_C12_C12_1, id); isb(); }

void el2_exception(struct frame *f, u64 vector)
{
    (void)f;
    if (vector == VEC_CUR_SPX_IRQ) {
        u64 id = ack();
        print_hex("EL2 irq", id);
        if (id == 30) {
            print_hex("  cntp_ctl in handler", read_sysreg(cntp_ctl_el0));
            write_sysreg(cntp_ctl_el0, 3UL); /* mask it: the level drops */
            isb();
            timer_irqs++;
        }
        eoi(id);
        return;
    }
    print_hex("unexpected EL2 vector", vector);
    print_hex("  esr", read_sysreg(esr_el2));
    psci_system_off();
}

void el1_exception(struct frame *f, u64 vector)
{
    (void)f;
    print_hex("unexpected EL1 vector", vector);
    psci_system_off();
}

static void send_sgi_to_self(u64 intid)
{
    /* TargetList bit 0 (Aff0 = 0), affinity 0.0.0, INTID in [27:24]. */
    write_icc(ICC_SGI1R, (intid << 24) | 1UL);
    isb();
}

static u32 active_sgis(void)
{
    return mmio32(GICR_BASE + GICR_SGI_OFFSET + 0x300) & 0xFFFFu;
}

static void timers(void)
{
    print_hex("cntfrq", read_sysreg(cntfrq_el0));
    write_sysreg(cntvoff_el2, 0UL);
    isb();
    u64 v = read_sysreg(cntvct_el0);
    u64 p = read_sysreg(cntpct_el0);
    print_hex("pct >= vct with offset 0", p >= v);

    write_sysreg(cntp_ctl_el0, 0UL);
    write_sysreg(cntp_cval_el0, 0UL);
    isb();
    print_hex("cntp_ctl disabled, cval 0", read_sysreg(cntp_ctl_el0));
    write_sysreg(cntp_ctl_el0, 1UL);
    isb();
    print_hex("cntp_ctl enabled, cval 0", read_sysreg(cntp_ctl_el0));
    write_sysreg(cntp_ctl_el0, 3UL);
    isb();
    print_hex("cntp_ctl enabled, masked", read_sysreg(cntp_ctl_el0));
    u64 tval = read_sysreg(cntp_tval_el0);
    print_hex("cntp_tval past cval: bits [63:32]", tval >> 32);
    print_hex("cntp_tval past cval: bit 31", (tval >> 31) & 1);
    write_sysreg(cntp_tval_el0, 0x7FFFFFFFUL);
    isb();
    u64 now = read_sysreg(cntpct_el0);
    print_hex("cntp_ctl after tval 0x7fffffff", read_sysreg(cntp_ctl_el0));
    print_hex("(cval - count) >> 28", (read_sysreg(cntp_cval_el0) - now) >> 28);
    print_hex("cntp_tval bits [63:31]", read_sysreg(cntp_tval_el0) >> 31);
    write_sysreg(cntp_tval_el0, 0xFFFFFFFFUL);
    isb();
    print_hex("cntp_ctl after tval -1", read_sysreg(cntp_ctl_el0));
    print_hex("count - cval after tval -1 is small", (read_sysreg(cntpct_el0) - read_sysreg(cntp_cval_el0)) < 0x10000000UL);
    write_sysreg(cntp_ctl_el0, 0UL);
    isb();
    print_hex("cntp_ctl disabled after firing", read_sysreg(cntp_ctl_el0));

    write_sysreg(cntvoff_el2, read_sysreg(cntpct_el0));
    write_sysreg(cntv_cval_el0, 0x10000000UL);
    write_sysreg(cntv_ctl_el0, 3UL);
    isb();
    print_hex("cntv_ctl before cval", read_sysreg(cntv_ctl_el0));
    print_hex("vct small after cntvoff = pct", read_sysreg(cntvct_el0) < 0x10000000UL);
    write_sysreg(cntvoff_el2, read_sysreg(cntpct_el0) - 0x20000000UL);
    isb();
    print_hex("cntv_ctl after cntvoff moved count past cval", read_sysreg(cntv_ctl_el0));
    print_hex("cntv_tval bit 31", (read_sysreg(cntv_tval_el0) >> 31) & 1);
    write_sysreg(cntv_ctl_el0, 0UL);
    write_sysreg(cntvoff_el2, 0UL);
    isb();

    puts("physical timer interrupt at EL2:\n");
    gic_enable_private(0, 30, 0x80);
    write_sysreg(cntp_cval_el0, read_sysreg(cntpct_el0) + 1000);
    write_sysreg(cntp_ctl_el0, 1UL);
    isb();
    wait_for_irq_until(timer_irqs);
    print_hex("timer irqs", timer_irqs);
    print_hex("cntp_ctl after handler", read_sysreg(cntp_ctl_el0));
    write_sysreg(cntp_ctl_el0, 0UL);
    isb();
}

static void priorities(void)
{
    puts("sgi priorities:\n");
    gic_enable_private(0, 1, 0xA0);
    gic_enable_private(0, 2, 0x40);
    gic_enable_private(0, 3, 0x80);
    send_sgi_to_self(1);
    send_sgi_to_self(2);
    send_sgi_to_self(3);
    dsb();
    isb();
    print_hex("hppir", read_icc(ICC_HPPIR1));
    print_hex("rpr idle", read_icc(ICC_RPR));
    u64 first = ack();
    print_hex("iar", first);
    print_hex("rpr", read_icc(ICC_RPR));
    print_hex("hppir while 0x40 runs", read_icc(ICC_HPPIR1));
    print_hex("iar while 0x40 runs", ack());
    eoi(first);
    print_hex("rpr after eoi", read_icc(ICC_RPR));
    u64 second = ack();
    print_hex("iar", second);
    print_hex("iar while 0x80 runs", ack());
    print_hex("rpr", read_icc(ICC_RPR));
    eoi(second);
    print_hex("rpr after eoi", read_icc(ICC_RPR));
    u64 last = ack();
    print_hex("iar", last);
    eoi(last);
    print_hex("iar with nothing pending", ack());

    puts("pmr masking:\n");
    write_icc(ICC_PMR, 0x90UL);
    isb();
    send_sgi_to_self(1);
    dsb();
    isb();
    print_hex("hppir under pmr 0x90", read_icc(ICC_HPPIR1));
    print_hex("iar under pmr 0x90", ack());
    write_icc(ICC_PMR, 0xA0UL);
    isb();
    print_hex("iar under pmr 0xa0", ack());
    write_icc(ICC_PMR, 0xFFUL);
    isb();
    u64 id = ack();
    print_hex("iar under pmr 0xff", id);
    eoi(id);

    puts("eoimode 1:\n");
    print_hex("ctlr", read_icc(ICC_CTLR) & 0x3);
    write_icc(ICC_CTLR, read_icc(ICC_CTLR) | 2UL);
    isb();
    send_sgi_to_self(3);
    dsb();
    isb();
    id = ack();
    print_hex("iar", id);
    print_hex("active after ack", active_sgis());
    eoi(id);
    print_hex("rpr after eoi (priority dropped)", read_icc(ICC_RPR));
    print_hex("active after eoi", active_sgis());
    write_icc(ICC_DIR, id);
    isb();
    print_hex("active after dir", active_sgis());
    write_icc(ICC_CTLR, read_icc(ICC_CTLR) & ~2UL);
    isb();
}

int main(void)
{
    puts("timergic: start\n");
    gic_init_distributor();
    gic_init_cpu(0);
    /* IMO routes physical IRQs to EL2, so they are taken here rather than held for EL1. */
    write_sysreg(hcr_el2, HCR_RW | HCR_IMO | HCR_FMO);
    isb();
    timers();
    priorities();
    return 0;
}
