/* Interrupts in a persona: the GIC's CPU interface (with HCR_EL2.IMO the ICC_* registers reach the virtual interface the
 * hypervisor fills through its list registers) and the virtual timer, which ticks periodically. */
#include "kernel.h"

volatile u64 ticks;
static u64 period;

#define SYSREG_WRITE(name, v) __asm__ volatile("msr " name ", %0" ::"r"((u64)(v)))
#define SYSREG_READ(name, v) __asm__ volatile("mrs %0, " name : "=r"(v))

/* ICC_PMR_EL1, ICC_IGRPEN1_EL1, ICC_IAR1_EL1 and ICC_EOIR1_EL1 by encoding (the assembler may not know the GICv3 names). */
#define ICC_PMR_EL1 "s3_0_c4_c6_0"
#define ICC_IAR1_EL1 "s3_0_c12_c12_0"
#define ICC_EOIR1_EL1 "s3_0_c12_c12_1"
#define ICC_IGRPEN1_EL1 "s3_0_c12_c12_7"

/* Opens the CPU interface to every priority, starts the virtual timer and unmasks IRQs. */
void irq_init(u64 tick_period)
{
    period = tick_period;
    SYSREG_WRITE(ICC_PMR_EL1, 0xff);
    SYSREG_WRITE(ICC_IGRPEN1_EL1, 1);
    SYSREG_WRITE("cntv_tval_el0", period);
    SYSREG_WRITE("cntv_ctl_el0", 1);
    __asm__ volatile("isb; msr daifclr, #2" ::: "memory");
}

/* Called from the EL1 IRQ vector (start.S): acknowledge, handle, end the interrupt. */
void irq_dispatch(void)
{
    u64 iar;
    SYSREG_READ(ICC_IAR1_EL1, iar);
    u64 intid = iar & 0xffffff;
    if (intid == INTID_SPURIOUS)
        return;
    if (intid == INTID_TIMER) {
        ticks++;
        /* The next deadline, from now (time spent in the background is not caught up): the timer's output drops before
         * the end of interrupt, so it does not fire again at once. */
        SYSREG_WRITE("cntv_tval_el0", period);
        __asm__ volatile("isb");
    } else if (intid == INTID_MODEM) {
        modem_interrupt();
    } else if (intid == INTID_STORAGE) {
        storage_interrupts++;
    } else if (intid == INTID_ALERT) {
        alert_interrupt();
    } else if (intid == INTID_NOTE) {
        note_interrupt();
    }
    SYSREG_WRITE(ICC_EOIR1_EL1, iar);
}
