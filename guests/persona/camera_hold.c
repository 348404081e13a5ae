/* Holding the camera (work, MODE_HOLD_CAMERA, in its day): the work persona takes the camera, lets it reach two of its pages by
 * DMA, has it write one frame, and arms the next frame (target, length, pattern) without starting it. It keeps the camera: a
 * remote wipe that comes now must take the DMA away with the device (the SMMU stream, its table, the engine's registers). */
#include "kernel.h"

#if PERSONA_WORK
static char frames[2][4096] __attribute__((aligned(4096)));

static void camera_reg(u64 reg, u64 value) { *(volatile u64 *)(CAMERA_IPA + reg) = value; }

void camera_hold(void)
{
    u64 ok = 0;
    ok += hvc_call(HC_REQUEST_DEVICE, DEVICE_CAMERA) == HC_OK;
    ok += hvc_call2(HC_DMA_MAP, DEVICE_CAMERA, (u64)frames[0]) == HC_OK;
    ok += hvc_call2(HC_DMA_MAP, DEVICE_CAMERA, (u64)frames[1]) == HC_OK;
    camera_reg(DMA_TARGET, (u64)frames[0]);
    camera_reg(DMA_LENGTH, 4096);
    camera_reg(DMA_PATTERN, 'C');
    camera_reg(DMA_CONTROL, DMA_START);
    ok += *(volatile u64 *)(CAMERA_IPA + DMA_STATUS) == DMA_DONE;
    ok += frames[0][0] == 'C' && frames[0][4095] == 'C';
    /* The next frame, armed: the engine's registers name a work page when the wipe comes. */
    camera_reg(DMA_TARGET, (u64)frames[1]);
    camera_reg(DMA_LENGTH, 4096);
    camera_reg(DMA_PATTERN, 'D');
    say("camera streaming, steps ok", ok);
}
#endif
