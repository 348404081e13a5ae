/* Shared helpers for the bare-metal conformance images: UART output, system registers, PSCI, entering EL1. */
#ifndef LIB_H
#define LIB_H

typedef unsigned long u64;
typedef unsigned int u32;

#define read_sysreg(r) ({ u64 _v; __asm__ volatile("mrs %0, " #r : "=r"(_v)); _v; })
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" : : "r"((u64)(v)) : "memory")
#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb() __asm__ volatile("dsb sy" ::: "memory")

/* The frame the vector entry saves: x0..x30. */
struct frame { u64 x[32]; };

/* Vector indices as the vector entry passes them (offset / 0x80). */
enum { VEC_CUR_SP0_SYNC = 0, VEC_CUR_SPX_SYNC = 4, VEC_CUR_SPX_IRQ = 5, VEC_LOWER_SYNC = 8, VEC_LOWER_IRQ = 9, VEC_LOWER_FIQ = 10 };

void putc(char c);
void puts(const char *s);
void put_hex(u64 v);
void print_hex(const char *label, u64 v);

u64 psci_call(u64 fn, u64 a1, u64 a2, u64 a3);
void psci_system_off(void);
void image_finished(void);

/* Runs fn at EL1h with SP_EL1 = stack, DAIF masked, EL1 vectors installed; returns when the guest issues hvc #0xFFFF. */
void run_el1(void (*fn)(void), u64 stack, u64 hcr);

/* Called by the EL2 handler when the guest says it is done: returns to run_el1's caller. */
void el2_guest_done(struct frame *f);

/* Each image defines these; unexpected exceptions print and power off. */
void el2_exception(struct frame *f, u64 vector);
void el1_exception(struct frame *f, u64 vector);

void guest_done(void);

extern char vectors_el2[];
extern char vectors_el1[];
extern char __pagetables[];
extern char __stack_top[];

#define UART_BASE 0x09000000UL
#define PSCI_VERSION 0x84000000UL
#define PSCI_CPU_OFF 0x84000002UL
#define PSCI_CPU_ON 0xC4000003UL
#define PSCI_AFFINITY_INFO 0xC4000004UL
#define PSCI_SYSTEM_OFF 0x84000008UL
#define PSCI_FEATURES 0x8400000AUL



/* Stage 2 (see stage2.c). */
void stage2_setup(void);
u64 *stage2_l1(void);

#define HCR_VM (1UL << 0)
#define HCR_FMO (1UL << 3)
#define HCR_IMO (1UL << 4)
#define HCR_AMO (1UL << 5)
#define HCR_TWI (1UL << 13)
#define HCR_TID3 (1UL << 18)
#define HCR_TSC (1UL << 19)
#define HCR_TVM (1UL << 26)
#define HCR_RW (1UL << 31)
#endif
#ifndef GIC_H
#define GIC_H
/* GICv3 on QEMU virt. */
#define GICD_BASE 0x08000000UL
#define GICR_BASE 0x080A0000UL
#define GICR_STRIDE 0x20000UL
#define GICR_SGI_OFFSET 0x10000UL
#define mmio32(a) (*(volatile u32 *)(a))
void gic_init_distributor(void);
void gic_init_cpu(u64 cpu);
void gic_enable_private(u64 cpu, u32 intid, u32 priority);
#define ICC_IAR1 "S3_0_C12_C12_0"
#endif
#ifndef WAIT_H
#define WAIT_H
/* Waits with IRQs masked until cond holds: WFI wakes on a pending interrupt even while masked, and the brief unmask
 * takes it. Unlike "while (!cond) wfi;" with IRQs open, an interrupt between the test and the WFI cannot be lost. */
#define wait_for_irq_until(cond)                                              \
    do {                                                                      \
        __asm__ volatile("msr daifset, #2\n isb" ::: "memory");               \
        while (!(cond)) {                                                     \
            __asm__ volatile("wfi" ::: "memory");                             \
            __asm__ volatile("msr daifclr, #2\n isb\n msr daifset, #2\n isb" ::: "memory"); \
        }                                                                     \
    } while (0)
#endif
