// Micro-benchmark guest entry at EL1: x0 is the run mode (the hypervisor passes it, or the bare-machine runner sets it).
// No vector table: every exception this guest takes goes to EL2 (HVC, SMC, stage-2 aborts), none to EL1.
    .section .text.boot, "ax"
    .global _start
_start:
    ldr     x1, =__stack_top
    mov     sp, x1
    mov     x19, x0
    // The world-switch partner (mode 1 in bits 7:0) uses no memory of its own: skip clearing the BSS so that its first run is a few instructions.
    and     x1, x0, #0xff
    cmp     x1, #1
    b.eq    2f
    ldr     x1, =__bss_start
    ldr     x2, =__bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:  mov     x0, x19
    bl      microbench_main
3:  wfi
    b       3b

// The second vCPU's entry (PSCI CPU_ON from the suite): x0 is the context id, the top of its own stack. It has no vector table
// either: it takes no exception at EL1 (its SGIs are polled with IRQs masked, its SGI writes and CPU_OFF trap to EL2).
    .text
    .global secondary_entry
secondary_entry:
    mov     sp, x0
    bl      secondary_main
4:  wfi
    b       4b
