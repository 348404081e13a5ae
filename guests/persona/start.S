// Persona kernel entry at EL1 (the hypervisor sets PC, SPSR and x0 = the run mode), and a minimal EL1 vector table
// that reports a synchronous exception and skips the faulting instruction (used by the system-register attack) and
// dispatches IRQs (the virtual interrupts the hypervisor injects) to irq_dispatch.
    .section .text.boot, "ax"
    .global _start
_start:
    ldr     x1, =__stack_top
    mov     sp, x1
    ldr     x1, =el1_vectors
    msr     vbar_el1, x1
    isb
    mov     x19, x0
    ldr     x1, =__bss_start
    ldr     x2, =__bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:  mov     x0, x19
    bl      kernel_main
3:  wfi
    b       3b

// u64 hvc_call(u64 fn, u64 a1): hypercall with the function in x0 and one argument in x1; result in x0.
    .global hvc_call
hvc_call:
    hvc     #0
    ret

// u64 smc_call(u64 fn): a PSCI call through SMC (the hypervisor traps it with HCR_EL2.TSC).
    .global smc_call
smc_call:
    smc     #0
    ret

// Tries to write an EL2 register from EL1: UNDEFINED at EL1, so the EL1 vector below must see it.
    .global tamper_vttbr
tamper_vttbr:
    msr     vttbr_el2, x0
    ret

    .balign 0x800
el1_vectors:
    // Synchronous exceptions from the current EL, with SP_EL0 (+0x000) and with SP_EL1 (+0x200); the rest hang.
    .balign 0x80
    b       el1_sync
    .rept 3
    .balign 0x80
    b       .
    .endr
    .balign 0x80
    b       el1_sync
    .balign 0x80
    b       el1_irq
    .rept 10
    .balign 0x80
    b       .
    .endr

el1_irq:
    // An IRQ at EL1 (the hypervisor's virtual interrupt): save the caller-saved registers, dispatch in C, return.
    stp     x0, x1, [sp, #-176]!
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x29, [sp, #144]
    str     x30, [sp, #160]
    mrs     x0, elr_el1
    mrs     x1, spsr_el1
    stp     x0, x1, [sp, #-16]!
    bl      irq_dispatch
    ldp     x0, x1, [sp], #16
    msr     elr_el1, x0
    msr     spsr_el1, x1
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x29, [sp, #144]
    ldr     x30, [sp, #160]
    ldp     x0, x1, [sp], #176
    eret

el1_sync:
    // Count the exception, skip the instruction and return: x0-x1 are scratch here (the caller saved nothing live).
    ldr     x0, =el1_sync_count
    ldr     x1, [x0]
    add     x1, x1, #1
    str     x1, [x0]
    mrs     x0, elr_el1
    add     x0, x0, #4
    msr     elr_el1, x0
    eret

    .bss
    .balign 8
    .global el1_sync_count
el1_sync_count:
    .skip 8
