/* The rest of a persona's day after the notification exchange: a periodic tick, a record written to its own storage and read
 * back, the camera handed over, and calls answered while it waits for the day to end. */
#include "kernel.h"

#if PERSONA_WORK
#define NAME "work"
#define RECORD "work memo: Q3 forecast CONFIDENTIAL, merger with Initech"
#define RECORD_SECTOR 16
#else
#define NAME "personal"
#define RECORD "personal diary: lunch with Ana at noon, buy flowers"
#define RECORD_SECTOR 16
#endif

/* System-counter ticks between timer interrupts (62.5 MHz: 0.4 ms), and how many ticks the persona runs before it is done. */
#define TICK_PERIOD 25000UL
#define DAY_TICKS 12UL

static unsigned char record[512] __attribute__((aligned(16)));
static unsigned char readback[512] __attribute__((aligned(16)));

/* FNV-1a over a sector: the checksum a test recomputes from the record's text. */
static u64 checksum(const unsigned char *bytes, int length)
{
    u64 h = 0xcbf29ce484222325UL;
    for (int i = 0; i < length; i++)
        h = (h ^ bytes[i]) * 0x100000001b3UL;
    return h;
}

static void storage(void)
{
    if (blk_init() != 0) {
        say("storage missing", 0);
        return;
    }
    const char *text = RECORD;
    for (int i = 0; text[i]; i++)
        record[i] = (unsigned char)text[i];
    int failed = blk_transfer(1, RECORD_SECTOR, record, sizeof record) | blk_transfer(0, RECORD_SECTOR, readback, sizeof readback);
    for (int i = 0; i < 512; i++)
        failed |= record[i] != readback[i];
    /* One line (every UART byte is a trap): the record's checksum as read back, or zero when anything failed. */
    say("record", failed ? 0 : checksum(readback, sizeof readback));
}

static void camera(void)
{
#if PERSONA_WORK
    if ((boot_mode & MODE_MASK) == MODE_HOLD_CAMERA) {
        camera_hold();
        return;
    }
    u64 granted = hvc_call(HC_REQUEST_DEVICE, DEVICE_CAMERA);
    say("camera taken, returned", granted | hvc_call(HC_RELEASE_DEVICE, DEVICE_CAMERA));
#else
    say("camera granted", hvc_call(HC_REQUEST_DEVICE, DEVICE_CAMERA));
#endif
}

void day(void)
{
    irq_init(TICK_PERIOD);
    storage();
    camera();
    while (ticks < DAY_TICKS || call_active)
        __asm__ volatile("wfi");
    say("day over, ticks", ticks);
}
