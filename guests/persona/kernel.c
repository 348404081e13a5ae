/* A tiny persona kernel: prints on its UART, lends or uses a notification page, switches worlds, and (in attack
 * modes, work only) tries to break isolation. One source, built with PERSONA_WORK=0 and PERSONA_WORK=1. */
#include "kernel.h"

#if PERSONA_WORK
#define NAME "work"
#define SECRET_BYTE 'W'
#else
#define NAME "personal"
#define SECRET_BYTE 'P'
#endif

static void putc(char c) { *(volatile u32 *)UART_IPA = (u32)c; }

void puts(const char *s)
{
    while (*s)
        putc(*s++);
}

static void put_hex(u64 v)
{
    puts("0x");
    for (int shift = 60; shift >= 0; shift -= 4)
        putc("0123456789abcdef"[(v >> shift) & 15]);
}

void say(const char *what, u64 v)
{
    puts(NAME ": ");
    puts(what);
    puts(" ");
    put_hex(v);
    puts("\n");
}

static void power_off(void)
{
    smc_call(PSCI_SYSTEM_OFF);
    for (;;)
        __asm__ volatile("wfi");
}

static void fill_secret(void)
{
    for (int i = 0; i < 4096; i++)
        __secret[i] = SECRET_BYTE;
}

#if PERSONA_WORK
/* Reads guest-physical addresses outside the work RAM and its channel page: each must read as zero, never as personal data. */
static void attack_read_foreign(void)
{
    static const u64 targets[] = { 0x4E000000UL, 0x52000000UL, 0x5FFFF000UL, 0x60000000UL, 0x80001000UL, 0xF0000000UL };
    u64 found = 0;
    for (unsigned i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        u64 v = *(volatile u64 *)targets[i];
        if (v != 0)
            found++;
    }
    say("attack read-foreign nonzero words", found);
}

/* Hypercalls with hostile arguments: every one must be refused. */
static void attack_hostile_hypercalls(void)
{
    u64 accepted = 0;
    accepted += hvc_call(HC_SHARE, 0) == HC_OK;
    accepted += hvc_call(HC_SHARE, 0x4E000000UL) == HC_OK;
    accepted += hvc_call(HC_SHARE, (u64)__secret + 1) == HC_OK;
    accepted += hvc_call(HC_SHARE, (u64)__secret) == HC_OK;
    accepted += hvc_call(HC_SHARE, ~0UL) == HC_OK;
    accepted += hvc_call(HC_UNSHARE, (u64)__secret) == HC_OK;
    accepted += hvc_call(HC_REQUEST_DEVICE, 999) == HC_OK;
    accepted += hvc_call(HC_REQUEST_DEVICE, 0) == HC_OK;
    accepted += hvc_call(HC_RELEASE_DEVICE, 3) == HC_OK;
    accepted += hvc_call(0xdead, 0) == HC_OK;
    say("attack hostile hypercalls accepted", accepted);
}

/* Writes and reads the MMIO of a device the work persona does not own (the camera) and of the GIC distributor. */
static void attack_foreign_mmio(void)
{
    *(volatile u32 *)CAMERA_IPA = 0x1234;
    u64 v = *(volatile u32 *)CAMERA_IPA;
    v |= *(volatile u32 *)0x08000000UL;
    say("attack foreign mmio read", v);
}

/* Writes an EL2 register from EL1: UNDEFINED, so the kernel's own vector must take it. */
static void attack_tamper_sysregs(void)
{
    tamper_vttbr(0);
    say("attack sysreg tamper exceptions", el1_sync_count);
}
#endif

u64 boot_mode;

void kernel_main(u64 mode)
{
    boot_mode = mode;
    say("boot, persona", hvc_call(HC_STATUS, 0));
    if (mode & MODE_SMP)
        say("vcpu 1 start", start_secondary(mode));
    fill_secret();
#if PERSONA_WORK
    char *channel = (char *)hvc_call(HC_CHANNEL, 0);
    say("channel at", (u64)channel);
    channel_page = channel;
    if (channel) {
        const char *note = "meeting at 10";
        int i = 0;
        for (; note[i]; i++)
            channel[i] = note[i];
        channel[i] = 0;
    }
    u64 attack = mode & MODE_MASK;
    if (attack == MODE_READ_FOREIGN)
        attack_read_foreign();
    else if (attack == MODE_HOSTILE_HYPERCALLS)
        attack_hostile_hypercalls();
    else if (attack == MODE_FOREIGN_MMIO)
        attack_foreign_mmio();
    else if (attack == MODE_TAMPER_SYSREGS)
        attack_tamper_sysregs();
    else if (attack == MODE_DMA_FOREIGN)
        attack_dma_foreign();
    else if (attack == MODE_RACE_WIPE)
        race_wipe_primary();
    else if (attack == MODE_HOSTILE_STORAGE)
        attack_hostile_storage();
    else if (attack == MODE_LOAD_CODE)
        load_code_from_storage();
    else if (attack == MODE_HOSTILE_PROGRAM)
        attack_hostile_program(0);
    hvc_call(HC_SWITCH, 0);
    if (mode & MODE_DAY)
        day();
    say("done, secret intact", __secret[0] == SECRET_BYTE && __secret[4095] == SECRET_BYTE);
#else
    u64 shared = hvc_call(HC_SHARE, (u64)__channel);
    say("share", shared);
    hvc_call(HC_SWITCH, 0);
    puts(NAME ": note: ");
    puts(__channel);
    puts("\n");
    /* On a day the channel stays open for notifications (alerts.c) until the day is over. */
    if (!(mode & MODE_DAY))
        say("unshare", hvc_call(HC_UNSHARE, (u64)__channel));
    else if (shared == HC_OK)
        channel_page = __channel;
    if (mode & MODE_DAY)
        say("camera released", hvc_call(HC_RELEASE_DEVICE, DEVICE_CAMERA));
    hvc_call(HC_SWITCH, 0);
    if (mode & MODE_DAY) {
        day();
        channel_page = 0;
        say("unshare", hvc_call(HC_UNSHARE, (u64)__channel));
    }
    say("done, secret intact", __secret[0] == SECRET_BYTE && __secret[4095] == SECRET_BYTE);
#endif
    power_off();
}
