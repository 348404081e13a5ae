/* The persona kernel's interface to the hypervisor: hypercall numbers, run modes, and the guest-physical map. */
#ifndef KERNEL_H
#define KERNEL_H

typedef unsigned long u64;
typedef unsigned int u32;

/* Hypercalls: hvc #0 with the function in x0 and the argument in x1 (Persona.Hypervisor's Hypercall enum). */
enum {
    HC_STATUS = 0x100,        /* -> the caller's persona (0 personal, 1 work) */
    HC_SHARE = 0x101,         /* x1 = IPA of an owned page: lend it to the other persona as a notification page */
    HC_UNSHARE = 0x102,       /* x1 = IPA of a lent page: take it back */
    HC_REQUEST_DEVICE = 0x103,/* x1 = device id */
    HC_RELEASE_DEVICE = 0x104,/* x1 = device id */
    HC_SWITCH = 0x105,        /* bring the other persona to the foreground */
    HC_CHANNEL = 0x106,       /* -> the IPA where a page lent to the caller appears, or 0 */
};

/* Results: 0 is success; errors are small negative numbers. */
#define HC_OK 0UL

/* PSCI SYSTEM_OFF: the persona is done. */
#define PSCI_SYSTEM_OFF 0x84000008UL

/* Run modes the hypervisor passes in x0 at boot. */
enum { MODE_NORMAL = 0, MODE_READ_FOREIGN = 1, MODE_HOSTILE_HYPERCALLS = 2, MODE_FOREIGN_MMIO = 3, MODE_TAMPER_SYSREGS = 4, MODE_RACE_WIPE = 5 };
#define MODE_MASK 0xffUL

/* Set in x0 at boot when the machine has more than one core: the kernel starts its secondary vCPU (smp.c). */
#define MODE_SMP 0x100UL

/* PSCI CPU_ON (SMC64): x1 = target MPIDR, x2 = entry, x3 = context id (the secondary's stack top here). */
#define PSCI_CPU_ON 0xC4000003UL

/* The persona's UART (emulated by the hypervisor through stage-2 data aborts) and a device it does not own (the camera). */
#define UART_IPA 0x09000000UL
#define CAMERA_IPA 0x0a103000UL

u64 hvc_call(u64 fn, u64 arg);
u64 psci_cpu_on(u64 target, u64 entry, u64 context);
void secondary_entry(void);
void secondary_main(u64 mode);
u64 start_secondary(u64 mode);
void race_wipe_primary(void);
void race_wipe_secondary(void);
extern volatile u64 secondary_status;
u64 smc_call(u64 fn);
void tamper_vttbr(u64 value);
extern u64 el1_sync_count;
extern char __channel[];
extern char __secret[];

#endif
