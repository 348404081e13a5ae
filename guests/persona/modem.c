/* The persona's modem line: an incoming call rings (the modem interrupt), the persona answers; a remote hang-up ends it. */
#include "kernel.h"

#define MODEM(off) (*(volatile u32 *)(MODEM_IPA + (off)))

volatile int call_active;

void modem_interrupt(void)
{
    u32 events = MODEM(MODEM_EVENTS);
    if (events & 1) {
        u32 caller = MODEM(MODEM_NUMBER);
        MODEM(MODEM_COMMAND) = MODEM_ANSWER;
        call_active = MODEM(MODEM_STATUS) == LINE_CONNECTED;
        say(call_active ? "answered" : "missed", caller);
    }
    if (events & 2) {
        call_active = 0;
        say("hung up, line", MODEM(MODEM_STATUS));
    }
}
