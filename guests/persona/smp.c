/* The secondary vCPU: started by the primary with PSCI CPU_ON when the machine has more than one core. In the normal mode it
 * reports its persona once and then idles in WFI (the hypervisor's switch IPI wakes the core); in the race-a-wipe mode (work
 * only) it runs the attack in attack_race.c. */
#include "kernel.h"

#define SECONDARY_STACK_WORDS 1024

static u64 secondary_stack[SECONDARY_STACK_WORDS] __attribute__((aligned(16)));
u64 secondary_mode;
volatile u64 secondary_status;

u64 start_secondary(u64 mode)
{
    secondary_mode = mode & MODE_MASK;
    secondary_status = ~0UL;
    return psci_cpu_on(1, (u64)secondary_entry, (u64)&secondary_stack[SECONDARY_STACK_WORDS]);
}

void secondary_main(u64 mode)
{
    secondary_status = hvc_call(HC_STATUS, 0);
#if PERSONA_WORK
    if (mode == MODE_RACE_WIPE)
        race_wipe_secondary();
    else if (mode == MODE_HOSTILE_PROGRAM)
        attack_hostile_program(1);
#else
    (void)mode;
#endif
    for (;;)
        __asm__ volatile("wfi");
}
