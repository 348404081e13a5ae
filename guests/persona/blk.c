/* A small polled virtio-blk driver (virtio-mmio version 2, one split virtqueue of 8 descriptors in this persona's RAM).
 * The hypervisor serves each request when the queue is notified; the driver polls the used ring. */
#include "kernel.h"

#define REG(off) (*(volatile u32 *)(STORAGE_IPA + (off)))
enum {
    MAGIC = 0x000, VERSION = 0x004, DEVICE_ID = 0x008, DEVICE_FEATURES = 0x010, DRIVER_FEATURES = 0x020, QUEUE_SEL = 0x030,
    QUEUE_NUM_MAX = 0x034, QUEUE_NUM = 0x038, QUEUE_READY = 0x044, QUEUE_NOTIFY = 0x050, INTERRUPT_STATUS = 0x060,
    INTERRUPT_ACK = 0x064, STATUS = 0x070, QUEUE_DESC_LOW = 0x080, QUEUE_DESC_HIGH = 0x084, QUEUE_DRIVER_LOW = 0x090,
    QUEUE_DRIVER_HIGH = 0x094, QUEUE_DEVICE_LOW = 0x0a0, QUEUE_DEVICE_HIGH = 0x0a4,
};
enum { ACKNOWLEDGE = 1, DRIVER = 2, DRIVER_OK = 4, FEATURES_OK = 8 };
enum { DESC_NEXT = 1, DESC_WRITE = 2 };
enum { BLK_IN = 0, BLK_OUT = 1 };
#define QUEUE_SIZE 8

struct desc { u64 addr; u32 len; unsigned short flags, next; };
struct avail { unsigned short flags, idx, ring[QUEUE_SIZE]; };
struct used { unsigned short flags, idx; struct { u32 id, len; } ring[QUEUE_SIZE]; };
struct request { u32 type, reserved; u64 sector; };

static struct desc descs[QUEUE_SIZE] __attribute__((aligned(16)));
static struct avail avail __attribute__((aligned(2)));
static struct used used __attribute__((aligned(4)));
static struct request header;
static volatile unsigned char status;
static unsigned short seen;
volatile u64 storage_interrupts;

/* Negotiates no features and sets up queue 0; returns 0, or -1 when there is no block device. */
int blk_init(void)
{
    if (REG(MAGIC) != 0x74726976 || REG(VERSION) != 2 || REG(DEVICE_ID) != 2)
        return -1;
    REG(STATUS) = ACKNOWLEDGE | DRIVER;
    (void)REG(DEVICE_FEATURES);
    REG(DRIVER_FEATURES) = 0;
    REG(STATUS) = ACKNOWLEDGE | DRIVER | FEATURES_OK;
    REG(QUEUE_SEL) = 0;
    if (REG(QUEUE_NUM_MAX) < QUEUE_SIZE)
        return -1;
    REG(QUEUE_NUM) = QUEUE_SIZE;
    REG(QUEUE_DESC_LOW) = (u32)(u64)descs;
    REG(QUEUE_DESC_HIGH) = (u32)((u64)descs >> 32);
    REG(QUEUE_DRIVER_LOW) = (u32)(u64)&avail;
    REG(QUEUE_DRIVER_HIGH) = (u32)((u64)&avail >> 32);
    REG(QUEUE_DEVICE_LOW) = (u32)(u64)&used;
    REG(QUEUE_DEVICE_HIGH) = (u32)((u64)&used >> 32);
    REG(QUEUE_READY) = 1;
    REG(STATUS) = ACKNOWLEDGE | DRIVER | FEATURES_OK | DRIVER_OK;
    return 0;
}

/* Reads or writes whole sectors at `sector` through the queue; returns the request's status (0 done, 1 I/O error, 2 unsupported). */
int blk_transfer(int write, u64 sector, void *buffer, u32 length)
{
    header.type = write ? BLK_OUT : BLK_IN;
    header.reserved = 0;
    header.sector = sector;
    status = 0xff;
    descs[0] = (struct desc){ (u64)&header, sizeof header, DESC_NEXT, 1 };
    descs[1] = (struct desc){ (u64)buffer, length, (unsigned short)(DESC_NEXT | (write ? 0 : DESC_WRITE)), 2 };
    descs[2] = (struct desc){ (u64)&status, 1, DESC_WRITE, 0 };
    avail.ring[avail.idx % QUEUE_SIZE] = 0;
    __asm__ volatile("dmb sy" ::: "memory");
    avail.idx++;
    __asm__ volatile("dmb sy" ::: "memory");
    REG(QUEUE_NOTIFY) = 0;
    while (*(volatile unsigned short *)&used.idx == seen)
        ;
    seen++;
    REG(INTERRUPT_ACK) = REG(INTERRUPT_STATUS);
    return status;
}
