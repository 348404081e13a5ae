/* Notifications across the personas ("alerts cross between the two sides"). An app alert for this persona arrives in its alert
 * inbox (a window the hypervisor emulates; INTID_ALERT): the kernel posts it on the notification channel page the personal persona
 * lends to work (each direction has its own mailbox there) and rings the other side's doorbell (HC_NOTIFY). The other side takes
 * INTID_NOTE and prints every note it has not seen: "<name>: alert from <sender>: <text>". */
#include "kernel.h"

#if PERSONA_WORK
#define NAME "work"
#define OTHER "personal"
#define OUTBOX MAILBOX_FROM_WORK
#define INBOX MAILBOX_FROM_PERSONAL
#else
#define NAME "personal"
#define OTHER "work"
#define OUTBOX MAILBOX_FROM_PERSONAL
#define INBOX MAILBOX_FROM_WORK
#endif

#define ALERT(off) (*(volatile u32 *)(ALERT_IPA + (off)))

/* A read of the inbox as one plain load: a load with writeback (what a loop may compile to) has no valid syndrome to emulate. */
static u32 alert_read(u64 offset)
{
    u32 value;
    __asm__ volatile("ldr %w0, [%1]" : "=r"(value) : "r"(ALERT_IPA + offset) : "memory");
    return value;
}

/* This persona's view of the channel page (0 while none is open), and how many of the other side's notes it has printed. */
volatile char *channel_page;
static u64 notes_seen;

static volatile u64 *sequence_of(u64 mailbox) { return (volatile u64 *)(channel_page + mailbox); }

static volatile char *slot_of(u64 mailbox, u64 n) { return channel_page + mailbox + NOTE_SLOTS_OFFSET + (n % NOTE_SLOTS) * NOTE_SLOT_SIZE; }

void alert_interrupt(void)
{
    u32 length;
    while ((length = alert_read(ALERT_LENGTH)) != 0) {
        if (!channel_page) {
            say("alert dropped, no channel, length", length);
        } else {
            u64 n = *sequence_of(OUTBOX);
            volatile char *slot = slot_of(OUTBOX, n);
            u32 i = 0;
            for (; i < length && i < NOTE_SLOT_SIZE - 1; i++)
                slot[i] = (char)alert_read(ALERT_TEXT + 4 * i);
            slot[i] = 0;
            __asm__ volatile("dmb sy" ::: "memory");
            *sequence_of(OUTBOX) = n + 1;
            hvc_call(HC_NOTIFY, 0);
        }
        ALERT(ALERT_POP) = 1;
    }
}

void note_interrupt(void)
{
    if (!channel_page)
        return;
    u64 posted = *sequence_of(INBOX);
    for (; notes_seen < posted; notes_seen++) {
        puts(NAME ": alert from " OTHER ": ");
        volatile char *slot = slot_of(INBOX, notes_seen);
        for (u32 i = 0; i < NOTE_SLOT_SIZE && slot[i]; i++) {
            char text[2] = { slot[i], 0 };
            puts(text);
        }
        puts("\n");
    }
}
