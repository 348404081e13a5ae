/*
 * virtio-mmio (version 2) block device in the top transport slot (0x0A003E00): feature negotiation, one split
 * virtqueue, a write, read-backs, a read of the disk's first sector, an out-of-range read, and the interrupt status.
 * persona-virtio-disk: the test attaches a 64 KiB raw disk whose sector 0 starts with "persona disk sector 0".
 */
#include "lib.h"

#define VIRTIO_BASE 0x0A003E00UL
#define REG(off) (*(volatile u32 *)(VIRTIO_BASE + (off)))
#define QUEUE_SIZE 8

struct desc { u64 addr; u32 len; unsigned short flags; unsigned short next; };
struct avail { unsigned short flags; unsigned short idx; unsigned short ring[QUEUE_SIZE]; unsigned short used_event; };
struct used_elem { u32 id; u32 len; };
struct used { unsigned short flags; unsigned short idx; struct used_elem ring[QUEUE_SIZE]; unsigned short avail_event; };
struct request_header { u32 type; u32 reserved; u64 sector; };

static struct desc descs[QUEUE_SIZE] __attribute__((aligned(16)));
static struct avail avail __attribute__((aligned(2)));
static volatile struct used used __attribute__((aligned(4)));
static struct request_header header;
static char data[512] __attribute__((aligned(16)));
static volatile unsigned char status;

void secondary_main(u64 cpu)
{
    (void)cpu;
}

void el2_exception(struct frame *f, u64 vector)
{
    (void)f;
    print_hex("unexpected EL2 vector", vector);
    print_hex("  esr", read_sysreg(esr_el2));
    print_hex("  far", read_sysreg(far_el2));
    psci_system_off();
}

void el1_exception(struct frame *f, u64 vector)
{
    (void)f;
    print_hex("unexpected EL1 vector", vector);
    psci_system_off();
}

static void put_string(const char *s, int max)
{
    for (int i = 0; i < max && s[i]; i++)
        putc(s[i] >= 32 && s[i] < 127 ? s[i] : '.');
    putc('\n');
}

static unsigned char request(u32 type, u64 sector, u32 length)
{
    header.type = type;
    header.reserved = 0;
    header.sector = sector;
    status = 0xFF;
    descs[0] = (struct desc){ (u64)&header, sizeof header, 1, 1 };
    descs[1] = (struct desc){ (u64)data, length, (unsigned short)(1 | (type == 0 ? 2 : 0)), 2 };
    descs[2] = (struct desc){ (u64)&status, 1, 2, 0 };
    unsigned short before = used.idx;
    avail.ring[avail.idx % QUEUE_SIZE] = 0;
    dsb();
    avail.idx++;
    dsb();
    REG(0x050) = 0;
    while (used.idx == before)
        dsb();
    print_hex("  used len", used.ring[before % QUEUE_SIZE].len);
    print_hex("  interrupt status", REG(0x060));
    REG(0x064) = REG(0x060);
    dsb();
    print_hex("  status", status);
    return status;
}

int main(void)
{
    puts("virtio: start\n");
    volatile u32 *empty_slot = (volatile u32 *)0x0A000000UL;
    print_hex("slot 0 magic", empty_slot[0]);
    print_hex("slot 0 version", empty_slot[1]);
    print_hex("slot 0 device id (none)", empty_slot[2]);
    print_hex("magic", REG(0x000));
    print_hex("version", REG(0x004));
    print_hex("device id", REG(0x008));
    REG(0x070) = 0;
    REG(0x070) = 1;
    REG(0x070) = 1 | 2;
    REG(0x014) = 1;
    print_hex("features[63:32] has VERSION_1", REG(0x010) & 1);
    REG(0x024) = 1;
    REG(0x020) = 1;
    REG(0x024) = 0;
    REG(0x020) = 0;
    REG(0x070) = 1 | 2 | 8;
    print_hex("features ok", (REG(0x070) >> 3) & 1);
    REG(0x030) = 0;
    print_hex("queue ready before", REG(0x044));
    REG(0x038) = QUEUE_SIZE;
    REG(0x080) = (u32)(u64)descs;
    REG(0x084) = 0;
    REG(0x090) = (u32)(u64)&avail;
    REG(0x094) = 0;
    REG(0x0A0) = (u32)(u64)&used;
    REG(0x0A4) = 0;
    REG(0x044) = 1;
    REG(0x070) = 1 | 2 | 8 | 4;
    print_hex("capacity (sectors)", REG(0x100) | ((u64)REG(0x104) << 32));

    puts("read sector 0:\n");
    request(0, 0, 512);
    put_string(data, 40);

    puts("write sector 2:\n");
    const char *text = "written by the guest";
    for (int i = 0; i < 512; i++)
        data[i] = 0;
    for (int i = 0; text[i]; i++)
        data[i] = text[i];
    request(1, 2, 512);

    puts("read sector 2 back:\n");
    for (int i = 0; i < 512; i++)
        data[i] = 0;
    request(0, 2, 512);
    put_string(data, 40);

    puts("read past the end:\n");
    request(0, 128, 512);
    puts("virtio: done\n");
    return 0;
}
