namespace Persona.Arm.Contracts;

/// <summary>The interrupt inputs of one core, driven by the GIC (physical IRQ/FIQ) and by the GIC virtual interface (virtual IRQ/FIQ).</summary>
/// <remarks>The core samples these at instruction boundaries and takes the exception when unmasked and routed
/// (HCR_EL2.IMO/FMO, PSTATE.I/F); HCR_EL2.VI/VF pend virtual interrupts independently of these lines.</remarks>
public interface IInterruptSink
{
    /// <summary>Sets the level of the physical IRQ and FIQ lines into the core.</summary>
    void SetPhysicalInterrupt(bool irq, bool fiq);

    /// <summary>Sets the level of the virtual IRQ and FIQ the GIC virtual interface signals (from the list registers).</summary>
    void SetVirtualInterrupt(bool irq, bool fiq);

    /// <summary>Wakes the core from WFI/WFE (an event or an interrupt became pending).</summary>
    void Wake();
}
