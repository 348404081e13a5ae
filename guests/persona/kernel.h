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
enum { MODE_NORMAL = 0, MODE_READ_FOREIGN = 1, MODE_HOSTILE_HYPERCALLS = 2, MODE_FOREIGN_MMIO = 3, MODE_TAMPER_SYSREGS = 4,
       MODE_RACE_WIPE = 5, MODE_HOSTILE_STORAGE = 6 };
void attack_hostile_storage(void);
/* Flags beside the mode (both personas): MODE_DAY runs the whole day (ticks, storage, camera, calls) before powering off. */
#define MODE_MASK 0xffUL
#define MODE_DAY 0x100UL

/* Set in x0 at boot when the machine has more than one core: the kernel starts its secondary vCPU (smp.c). */
#define MODE_SMP 0x200UL

/* PSCI CPU_ON (SMC64): x1 = target MPIDR, x2 = entry, x3 = context id (the secondary's stack top here). */
#define PSCI_CPU_ON 0xC4000003UL

/* DMA attack mode (attack_dma.c): program DMA at foreign pages and touch a DMA device it does not own. */
#define MODE_DMA_FOREIGN 16
void attack_dma_foreign(void);

/* Hostile-program mode (attack_hostile.c): the work vCPUs run a seeded program the host placed at this IPA (vCPU n at
 * + n * HOSTILE_SECONDARY_OFFSET). The program must lie clear of the kernel's own image, bss and stacks. */
#define MODE_HOSTILE_PROGRAM 7
#define HOSTILE_PROGRAM_IPA 0x40100000UL
#define HOSTILE_SECONDARY_OFFSET 0x10000UL
void attack_hostile_program(u64 vcpu);

/* The persona's UART (emulated by the hypervisor through stage-2 data aborts) and a device it does not own (the camera). */
#define UART_IPA 0x09000000UL
#define CAMERA_IPA 0x0a103000UL

/* The devices the hypervisor emulates for each persona at fixed IPAs (never mapped: every access traps; Persona.Hypervisor's
 * HypervisorLayout): a virtio-mmio block device holding only this persona's partition, and this persona's modem line. */
#define STORAGE_IPA 0x0a000000UL
#define MODEM_IPA 0x0a001000UL

/* Virtual interrupts the hypervisor injects through the GIC's list registers. */
#define INTID_TIMER 27   /* the virtual timer (CNTV) */
#define INTID_STORAGE 48 /* the block device's used-buffer notification */
#define INTID_MODEM 49   /* the modem line: ring or remote hang-up */
#define INTID_SPURIOUS 1023

/* Devices by platform index (handset-2011.platform): the camera is handed between the personas. */
#define DEVICE_CAMERA 3

/* The modem line's registers (offsets in its window). */
#define MODEM_STATUS 0x00   /* 0 idle, 1 ringing, 2 connected */
#define MODEM_COMMAND 0x04  /* 1 dial, 2 answer, 3 hang up */
#define MODEM_NUMBER 0x08   /* the caller's number while ringing; the number to dial */
#define MODEM_EVENTS 0x0c   /* read-to-clear: bit 0 ring, bit 1 remote hang-up */
enum { LINE_IDLE = 0, LINE_RINGING = 1, LINE_CONNECTED = 2 };
enum { MODEM_DIAL = 1, MODEM_ANSWER = 2, MODEM_HANGUP = 3 };

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

/* The parts of a persona's day (day.c, irq.c, blk.c, modem.c). */
void puts(const char *s);
void say(const char *what, u64 v);
void day(void);
void irq_init(u64 tick_period);
extern volatile u64 ticks;
extern volatile u64 storage_interrupts;
int blk_init(void);
int blk_transfer(int write, u64 sector, void *buffer, u32 length);
void modem_interrupt(void);
extern volatile int call_active;
extern char __channel[];
extern char __secret[];

/* Work modes of the persist features (camera_hold.c, load_code.c): hold the camera with DMA mappings through the day (for a wipe
 * to revoke), and run code read from storage over code already run. */
#define MODE_HOLD_CAMERA 0x20
#define MODE_LOAD_CODE 0x21
extern u64 boot_mode;
void camera_hold(void);
void load_code_from_storage(void);
u64 hvc_call2(u64 fn, u64 a1, u64 a2);

/* Notifications (alerts.c): the alert inbox the hypervisor emulates per persona (ALERT_LENGTH: bytes of the oldest alert, 0 when
 * none; ALERT_TEXT + 4*i: its byte i; a write to ALERT_POP drops it), its interrupt, the doorbell interrupt of a note posted by
 * the other side, and the channel page's two mailboxes (a sequence number, then NOTE_SLOTS slots of NOTE_SLOT_SIZE bytes). */
#define ALERT_IPA 0x0a002000UL
enum { ALERT_LENGTH = 0x00, ALERT_POP = 0x04, ALERT_TEXT = 0x100 };
#define INTID_ALERT 50
#define INTID_NOTE 51
#define HC_NOTIFY 0x109
#define MAILBOX_FROM_PERSONAL 0x800UL
#define MAILBOX_FROM_WORK 0xc00UL
#define NOTE_SLOTS_OFFSET 0x40UL
#define NOTE_SLOTS 7
#define NOTE_SLOT_SIZE 0x80
extern volatile char *channel_page;
void alert_interrupt(void);
void note_interrupt(void);

/* Persona.Arm's DmaMaster registers (offsets in a DMA device's window), commands and status values. */
enum { DMA_TARGET = 0x00, DMA_LENGTH = 0x08, DMA_PATTERN = 0x10, DMA_CONTROL = 0x18, DMA_STATUS = 0x20 };
enum { DMA_START = 1, DMA_DONE = 1, DMA_SMMU_FAULT = 2 };

#endif
