// The secondary vCPU's entry (PSCI CPU_ON): x0 is the context id, which the primary sets to the top of this vCPU's stack.
    .text
    .global secondary_entry
secondary_entry:
    mov     sp, x0
    ldr     x1, =el1_vectors_secondary
    msr     vbar_el1, x1
    isb
    ldr     x0, =secondary_mode
    ldr     x0, [x0]
    bl      secondary_main
1:  wfi
    b       1b

// u64 psci_cpu_on(target, entry, context): PSCI CPU_ON through SMC (the hypervisor emulates PSCI for the persona).
    .global psci_cpu_on
psci_cpu_on:
    mov     x3, x2
    mov     x2, x1
    mov     x1, x0
    ldr     x0, =0xC4000003
    smc     #0
    ret

// The secondary vCPU's EL1 vectors: any exception it takes stops it (it has nothing to recover).
    .balign 0x800
el1_vectors_secondary:
    .rept 16
    .balign 0x80
    b       .
    .endr
