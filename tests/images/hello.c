/* The smallest image: prints from EL2, asks PSCI for its version and features, and powers off. */
#include "lib.h"

void el2_exception(struct frame *f, u64 vector)
{
    (void)f;
    print_hex("unexpected EL2 exception, vector", vector);
    print_hex("esr", read_sysreg(esr_el2));
    psci_system_off();
}

void el1_exception(struct frame *f, u64 vector)
{
    (void)f;
    print_hex("unexpected EL1 exception, vector", vector);
    psci_system_off();
}

void secondary_main(u64 cpu)
{
    (void)cpu;
}

int main(void)
{
    puts("hello from persona conformance\n");
    print_hex("CurrentEL", read_sysreg(CurrentEL) >> 2);
    print_hex("psci version", psci_call(PSCI_VERSION, 0, 0, 0));
    print_hex("features cpu_on", psci_call(PSCI_FEATURES, PSCI_CPU_ON, 0, 0));
    print_hex("features system_off", psci_call(PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0));
    print_hex("features 0x84000005", psci_call(PSCI_FEATURES, 0x84000005UL, 0, 0));
    print_hex("affinity of cpu0", psci_call(PSCI_AFFINITY_INFO, 0, 0, 0));
    print_hex("cntfrq", read_sysreg(cntfrq_el0));
    u64 a = read_sysreg(cntpct_el0);
    u64 b = read_sysreg(cntpct_el0);
    puts(b >= a ? "counter monotonic\n" : "counter went backwards\n");
    puts("bye\n");
    return 0;
}
