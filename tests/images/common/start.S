// Entry at EL2 (QEMU virt with virtualization=on), the vector tables for EL2 and EL1, and the secondary-core entry.
    .section .text.boot, "ax"
    .global _start
_start:
    ldr     x1, =__stack_top
    mov     sp, x1
    ldr     x1, =vectors_el2
    msr     vbar_el2, x1
    isb
    ldr     x1, =__bss_start
    ldr     x2, =__bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:  bl      main
    bl      image_finished
    bl      psci_system_off
3:  wfi
    b       3b

// PSCI CPU_ON entry: x0 = context id = the core index; each core gets its own 16 KiB stack below the primary's.
    .global secondary_entry
secondary_entry:
    ldr     x1, =__stack_top
    lsl     x2, x0, #14
    sub     x1, x1, x2
    mov     sp, x1
    ldr     x1, =vectors_el2
    msr     vbar_el2, x1
    isb
    bl      secondary_main
4:  wfi
    b       4b

// One vector entry: save x0-x30 in a frame on the current stack, call the level's handler with (frame, vector index).
.macro ventry handler, index
    .balign 0x80
    sub     sp, sp, #256
    stp     x0, x1, [sp, #0]
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mov     x0, sp
    mov     x1, #\index
    bl      \handler
    b       exception_return
.endm

.macro vtable name, handler
    .balign 0x800
    .global \name
\name:
    ventry \handler, 0
    ventry \handler, 1
    ventry \handler, 2
    ventry \handler, 3
    ventry \handler, 4
    ventry \handler, 5
    ventry \handler, 6
    ventry \handler, 7
    ventry \handler, 8
    ventry \handler, 9
    ventry \handler, 10
    ventry \handler, 11
    ventry \handler, 12
    ventry \handler, 13
    ventry \handler, 14
    ventry \handler, 15
.endm

    .text
exception_return:
    ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    add     sp, sp, #256
    eret

    vtable vectors_el2, el2_exception
    vtable vectors_el1, el1_exception

// void el1_enter(u64 entry, u64 stack): saves the EL2 callee-saved state and ERETs to entry at EL1h.
    .global el1_enter
el1_enter:
    stp     x29, x30, [sp, #-96]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    stp     x25, x26, [sp, #64]
    stp     x27, x28, [sp, #80]
    ldr     x2, =saved_el2_sp
    mov     x3, sp
    str     x3, [x2]
    msr     elr_el2, x0
    msr     sp_el1, x1
    mov     x4, #0x3c5
    msr     spsr_el2, x4
    isb
    eret

// void el2_guest_done(struct frame *): abandons the exception frame and returns from el1_enter at EL2.
    .global el2_guest_done
el2_guest_done:
    ldr     x2, =saved_el2_sp
    ldr     x3, [x2]
    mov     sp, x3
    ldp     x19, x20, [sp, #16]
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldp     x25, x26, [sp, #64]
    ldp     x27, x28, [sp, #80]
    ldp     x29, x30, [sp], #96
    ret

    .bss
    .balign 8
saved_el2_sp:
    .skip   8
