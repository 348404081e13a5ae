using Persona.Arm.Contracts;

namespace Persona.Arm.Cpu;

/// <summary>Interrupt inputs (IInterruptSink), routing by HCR_EL2.IMO/FMO/AMO/TGE, masking by PSTATE, and WFI wake-up.</summary>
public sealed partial class Core
{
    private bool physicalIrq;
    private bool physicalFiq;
    private bool virtualIrqLine;
    private bool virtualFiqLine;

    /// <inheritdoc/>
    public void SetPhysicalInterrupt(bool irq, bool fiq)
    {
        physicalIrq = irq;
        physicalFiq = fiq;
        RequestAttention();
    }

    /// <inheritdoc/>
    public void SetVirtualInterrupt(bool irq, bool fiq)
    {
        virtualIrqLine = irq;
        virtualFiqLine = fiq;
        RequestAttention();
    }

    /// <inheritdoc/>
    public void Wake()
    {
        IsWaitingForInterrupt = false;
        eventRegister = true;
        RequestAttention();
    }

    /// <summary>Sets this core's event register (another core's SEV) and ends a WFE wait.</summary>
    public void SignalEvent()
    {
        eventRegister = true;
        RequestAttention();
    }

    // A WFI ends on any asserted interrupt, masked or not, that could be taken at some EL (Arm ARM "WFI wake-up events").
    private bool WakeUpEventPending()
    {
        if (physicalIrq || physicalFiq)
            return true;
        var hcr = Hcr;
        if (exceptionLevel == 2 || (hcr & (ulong)HcrBits.TGE) != 0)
            return false;
        return ((hcr & (ulong)HcrBits.IMO) != 0 && ((hcr & (ulong)HcrBits.VI) != 0 || virtualIrqLine))
            || ((hcr & (ulong)HcrBits.FMO) != 0 && ((hcr & (ulong)HcrBits.VF) != 0 || virtualFiqLine))
            || ((hcr & (ulong)HcrBits.AMO) != 0 && (hcr & (ulong)HcrBits.VSE) != 0);
    }

    // Takes the highest-priority pending, unmasked interrupt (order as QEMU: FIQ, IRQ, vIRQ, vFIQ, vSError); true if one was taken.
    private bool TryTakePendingInterrupt()
    {
        var hcr = Hcr;
        var tge = (hcr & (ulong)HcrBits.TGE) != 0;
        if (physicalFiq)
        {
            var target = tge || (hcr & (ulong)HcrBits.FMO) != 0 ? 2 : 1;
            if (PhysicalInterruptUnmasked(target, PstateBits.F))
            {
                EnterException(ExceptionKind.Fiq, target, 0, pc, null, null);
                return true;
            }
        }
        if (physicalIrq)
        {
            var target = tge || (hcr & (ulong)HcrBits.IMO) != 0 ? 2 : 1;
            if (PhysicalInterruptUnmasked(target, PstateBits.I))
            {
                EnterException(ExceptionKind.Irq, target, 0, pc, null, null);
                return true;
            }
        }
        if (exceptionLevel == 2 || tge)
            return false;
        if ((hcr & (ulong)HcrBits.IMO) != 0 && ((hcr & (ulong)HcrBits.VI) != 0 || virtualIrqLine) && (daif & (ulong)PstateBits.I) == 0)
        {
            EnterException(ExceptionKind.Irq, 1, 0, pc, null, null);
            return true;
        }
        if ((hcr & (ulong)HcrBits.FMO) != 0 && ((hcr & (ulong)HcrBits.VF) != 0 || virtualFiqLine) && (daif & (ulong)PstateBits.F) == 0)
        {
            EnterException(ExceptionKind.Fiq, 1, 0, pc, null, null);
            return true;
        }
        if ((hcr & (ulong)HcrBits.AMO) != 0 && (hcr & (ulong)HcrBits.VSE) != 0 && (daif & (ulong)PstateBits.A) == 0)
        {
            // Taking a virtual SError clears HCR_EL2.VSE; without RAS its syndrome is EC 0x2F with an empty ISS.
            systemRegisters[(int)SystemRegister.HcrEl2] = hcr & ~(ulong)HcrBits.VSE;
            EnterException(ExceptionKind.SError, 1, ((ulong)ExceptionClass.SError << 26) | InstructionLength32, pc, null, null);
            return true;
        }
        return false;
    }

    // An interrupt routed to a higher EL is never masked by PSTATE; one routed to the current EL (or EL1 from EL0) is.
    private bool PhysicalInterruptUnmasked(int target, PstateBits mask)
    {
        if (target < exceptionLevel)
            return false;
        if (target == 2 && exceptionLevel < 2)
            return true;
        return (daif & (ulong)mask) == 0;
    }
}
