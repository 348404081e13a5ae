/*
 * Multi-core start through PSCI (run with 4 cores): CPU_ON in turn with a handshake so the output order is fixed,
 * persona-cores: 4
 * ALREADY_ON and INVALID_PARAMETERS answers, AFFINITY_INFO before and after CPU_OFF, and an SGI from core 3 to core 0.
 */
#include "lib.h"

extern char secondary_entry[];

static volatile u64 arrived;
static volatile u64 released;
static volatile u64 sgi_seen;

void el2_exception(struct frame *f, u64 vector)
{
    (void)f;
    if (vector == VEC_CUR_SPX_IRQ) {
        u64 id = read_sysreg(S3_0_C12_C12_0);
        print_hex("cpu0 irq", id);
        write_sysreg(S3_0_C12_C12_1, id);
        isb();
        sgi_seen = 1;
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

void secondary_main(u64 cpu)
{
    write_sysreg(hcr_el2, HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO);
    isb();
    gic_init_cpu(cpu);
    print_hex("secondary up, cpu", cpu);
    print_hex("  CurrentEL", read_sysreg(CurrentEL) >> 2);
    print_hex("  mpidr", read_sysreg(mpidr_el1));
    arrived = cpu;
    dsb();
    while (released != cpu)
        ;
    if (cpu == 3) {
        write_sysreg(S3_0_C12_C11_5, (5UL << 24) | 1UL); /* SGI 5 to core 0 */
        isb();
    }
    psci_call(PSCI_CPU_OFF, 0, 0, 0);
    puts("CPU_OFF returned\n");
}

int main(void)
{
    puts("smp: start\n");
    write_sysreg(hcr_el2, HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO);
    isb();
    gic_init_distributor();
    gic_init_cpu(0);
    gic_enable_private(0, 5, 0x80);
    print_hex("cpu0 mpidr", read_sysreg(mpidr_el1));
    print_hex("affinity of cpu1 before", psci_call(PSCI_AFFINITY_INFO, 1, 0, 0));
    print_hex("cpu_on invalid mpidr", psci_call(PSCI_CPU_ON, 0x100, (u64)secondary_entry, 9));
    print_hex("cpu_on cpu0 (self)", psci_call(PSCI_CPU_ON, 0, (u64)secondary_entry, 0));
    for (u64 cpu = 1; cpu <= 3; cpu++) {
        /* Print only after the secondary has printed, so the output order does not depend on timing. */
        u64 result = psci_call(PSCI_CPU_ON, cpu, (u64)secondary_entry, cpu);
        while (arrived != cpu)
            ;
        print_hex("cpu_on", result);
        print_hex("affinity while on", psci_call(PSCI_AFFINITY_INFO, cpu, 0, 0));
        print_hex("cpu_on again", psci_call(PSCI_CPU_ON, cpu, (u64)secondary_entry, cpu));
        released = cpu;
        dsb();
        while (psci_call(PSCI_AFFINITY_INFO, cpu, 0, 0) != 1)
            ;
        print_hex("cpu off", cpu);
    }
    wait_for_irq_until(sgi_seen);
    puts("smp: done\n");
    return 0;
}
