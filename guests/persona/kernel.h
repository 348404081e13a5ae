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
    HC_DMA_MAP = 0x107,       /* x1 = device it holds, x2 = IPA of an own page: the device may reach it by DMA (IOVA = IPA) */
    HC_DMA_UNMAP = 0x108,     /* x1 = device, x2 = IPA: take the page out of the device's DMA reach */
};

/* Results: 0 is success; errors are small negative numbers. */
#define HC_OK 0UL

/* PSCI SYSTEM_OFF: the persona is done. */
#define PSCI_SYSTEM_OFF 0x84000008UL

/* Run modes the hypervisor passes in x0 at boot. */
enum { MODE_NORMAL = 0, MODE_READ_FOREIGN = 1, MODE_HOSTILE_HYPERCALLS = 2, MODE_FOREIGN_MMIO = 3, MODE_TAMPER_SYSREGS = 4 };

/* DMA attack mode (attack_dma.c): program DMA at foreign pages and touch a DMA device it does not own. */
#define MODE_DMA_FOREIGN 16
void attack_dma_foreign(void);

/* The persona's UART (emulated by the hypervisor through stage-2 data aborts) and a device it does not own (the camera). */
#define UART_IPA 0x09000000UL
#define CAMERA_IPA 0x0a103000UL

u64 hvc_call(u64 fn, u64 arg);
u64 smc_call(u64 fn);
void tamper_vttbr(u64 value);
extern u64 el1_sync_count;
extern char __channel[];
extern char __secret[];

#endif
