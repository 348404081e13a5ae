/* The DMA attack (work only, MODE_DMA_FOREIGN): first a legitimate use of a DMA device the work persona holds (the display, a
 * foreground device), then DMA aimed at pages that are not its own and at a device it does not hold. Every attack must fail: the
 * hypervisor refuses the mapping, or the SMMU aborts the transfer; the legitimate use must work and leave a mapping for the
 * world switch's hand-off to revoke. Register layout: Persona.Arm's DmaMaster. */
#include "kernel.h"

#if PERSONA_WORK
enum { DEV_DISPLAY = 0, DEV_TOUCH = 1, DEV_CAMERA = 3 };
#define DISPLAY_IPA 0x0a100000UL

static char dma_buf[2][4096] __attribute__((aligned(4096)));

static u64 hvc2(u64 fn, u64 a1, u64 a2)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = a1;
    register u64 x2 __asm__("x2") = a2;
    __asm__ volatile("hvc #0" : "+r"(x0) : "r"(x1), "r"(x2) : "memory");
    return x0;
}

static void reg_write(u64 base, u64 reg, u64 value) { *(volatile u64 *)(base + reg) = value; }

static u64 reg_read(u64 base, u64 reg) { return *(volatile u64 *)(base + reg); }

/* Asks the DMA engine at base to fill one page at iova with pattern; returns its status register. */
static u64 dma_frame(u64 base, u64 iova, char pattern)
{
    reg_write(base, DMA_TARGET, iova);
    reg_write(base, DMA_LENGTH, 4096);
    reg_write(base, DMA_PATTERN, (u64)pattern);
    reg_write(base, DMA_CONTROL, DMA_START);
    return reg_read(base, DMA_STATUS);
}

static void report(const char *what, u64 v)
{
    for (const char *s = "work: "; *s; s++)
        *(volatile u32 *)UART_IPA = (u32)*s;
    for (; *what; what++)
        *(volatile u32 *)UART_IPA = (u32)*what;
    *(volatile u32 *)UART_IPA = ' ';
    *(volatile u32 *)UART_IPA = '0';
    *(volatile u32 *)UART_IPA = 'x';
    for (int shift = 60; shift >= 0; shift -= 4)
        *(volatile u32 *)UART_IPA = (u32)"0123456789abcdef"[(v >> shift) & 15];
    *(volatile u32 *)UART_IPA = '\n';
}

void attack_dma_foreign(void)
{
    /* The legitimate use: map, transfer, unmap (the next transfer must fault), map again and leave it for the hand-off. */
    u64 legit = 0;
    legit += hvc2(HC_DMA_MAP, DEV_DISPLAY, (u64)dma_buf[0]) == HC_OK;
    legit += dma_frame(DISPLAY_IPA, (u64)dma_buf[0], 'F') == DMA_DONE;
    legit += dma_buf[0][0] == 'F' && dma_buf[0][4095] == 'F';
    legit += hvc2(HC_DMA_UNMAP, DEV_DISPLAY, (u64)dma_buf[0]) == HC_OK;
    legit += dma_frame(DISPLAY_IPA, (u64)dma_buf[0], 'X') == DMA_SMMU_FAULT;
    legit += dma_buf[0][0] == 'F';
    legit += hvc2(HC_DMA_MAP, DEV_DISPLAY, (u64)dma_buf[1]) == HC_OK;
    legit += dma_frame(DISPLAY_IPA, (u64)dma_buf[1], 'G') == DMA_DONE;
    report("dma legitimate steps ok", legit);

    /* Mappings it must not get: beyond its RAM, the personal page lent to it, unaligned, a device it does not hold, a device
     * that is no DMA master, no such device, a page no longer mapped, and the personal persona's camera itself. */
    u64 channel = hvc_call(HC_CHANNEL, 0);
    u64 accepted = 0;
    accepted += hvc2(HC_DMA_MAP, DEV_DISPLAY, 0x4E000000UL) == HC_OK;
    accepted += channel && hvc2(HC_DMA_MAP, DEV_DISPLAY, channel) == HC_OK;
    accepted += hvc2(HC_DMA_MAP, DEV_DISPLAY, (u64)dma_buf[0] + 8) == HC_OK;
    accepted += hvc2(HC_DMA_MAP, DEV_CAMERA, (u64)dma_buf[0]) == HC_OK;
    accepted += hvc2(HC_DMA_MAP, DEV_TOUCH, (u64)dma_buf[0]) == HC_OK;
    accepted += hvc2(HC_DMA_MAP, 999, (u64)dma_buf[0]) == HC_OK;
    accepted += hvc2(HC_DMA_UNMAP, DEV_DISPLAY, (u64)dma_buf[0]) == HC_OK;
    accepted += hvc_call(HC_REQUEST_DEVICE, DEV_CAMERA) == HC_OK;
    report("attack dma-foreign mappings accepted", accepted);

    /* Transfers it must not complete: the display at IOVAs it never mapped (personal RAM's PA, the lent page, its own secret),
     * and the camera, whose registers are not mapped for it. */
    u64 written = 0;
    written += dma_frame(DISPLAY_IPA, 0x42000000UL, 'A') != DMA_SMMU_FAULT;
    written += channel && dma_frame(DISPLAY_IPA, channel, 'A') != DMA_SMMU_FAULT;
    written += dma_frame(DISPLAY_IPA, (u64)__secret, 'A') != DMA_SMMU_FAULT;
    written += dma_frame(CAMERA_IPA, 0x42000000UL, 'A') == DMA_DONE;
    report("attack dma-foreign transfers completed", written);
}
#endif
