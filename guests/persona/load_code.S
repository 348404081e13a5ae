// A sector of code the work kernel runs, overwrites from its storage, and runs again (load_code.c); and a three-argument hypercall.
#if PERSONA_WORK
    .section .text.patch, "ax"
    .balign 4096
    .global patch_target
patch_target:
    mov     x0, #1
    ret
    .balign 512
#endif

    .text
// u64 hvc_call2(u64 fn, u64 a1, u64 a2): hypercall with the function in x0 and arguments in x1 and x2; result in x0.
    .global hvc_call2
hvc_call2:
    hvc     #0
    ret
