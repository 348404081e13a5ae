/* Race a wipe (work only): while IT's remote wipe runs on core 0, the work vCPU on core 1 hammers the hypervisor with
 * hypercalls (share, request a device, switch) and keeps writing work data into its own pages and reading where the channel
 * was; the primary keeps trapping on core 0 so the wipe lands in the middle. The wipe must win: nothing of work survives. */
#include "kernel.h"

#if PERSONA_WORK
#define RACE_PAGES 4

static char race_pages[RACE_PAGES][4096] __attribute__((aligned(4096)));

void race_wipe_secondary(void)
{
    for (u64 round = 0;; round++) {
        char *page = race_pages[round % RACE_PAGES];
        for (int i = 0; i < 4096; i += 64)
            page[i] = 'W';
        hvc_call(HC_SHARE, (u64)page);
        hvc_call(HC_REQUEST_DEVICE, round % 4);
        hvc_call(HC_SWITCH, 0);
        u64 channel = hvc_call(HC_CHANNEL, 0);
        if (channel)
            (void)*(volatile u64 *)channel;
        __secret[round % 4096] = 'W';
    }
}

void race_wipe_primary(void)
{
    /* Keep the boot vCPU busy in the work persona, trapping, until the wipe takes the handset away from it. */
    for (;;) {
        hvc_call(HC_STATUS, 0);
        __secret[0] = 'W';
    }
}
#else
void race_wipe_secondary(void) { }
void race_wipe_primary(void) { }
#endif
