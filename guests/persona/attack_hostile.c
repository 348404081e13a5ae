/* The hostile-program mode (work only): after posting its note, the work kernel hands its vCPUs to machine code the host placed
 * in its RAM, generated from a seed by the hostile-guest fuzzer (tests/Persona.Hypervisor.Tests/Hostile). The boot vCPU enters
 * at HOSTILE_PROGRAM_IPA, a secondary vCPU at HOSTILE_PROGRAM_IPA + vcpu * HOSTILE_SECONDARY_OFFSET, with its vCPU number in x0.
 * Neither returns: whatever the program does from there is the attack. */
#include "kernel.h"

#if PERSONA_WORK
void attack_hostile_program(u64 vcpu)
{
    void (*program)(u64) = (void (*)(u64))(HOSTILE_PROGRAM_IPA + vcpu * HOSTILE_SECONDARY_OFFSET);
    __asm__ volatile("dsb sy; isb" ::: "memory");
    program(vcpu);
    for (;;)
        __asm__ volatile("wfi");
}
#endif
