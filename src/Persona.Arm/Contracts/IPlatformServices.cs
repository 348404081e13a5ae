namespace Persona.Arm.Contracts;

/// <summary>What the core needs from the platform beyond memory: firmware calls (PSCI) and the virtual clock.</summary>
public interface IPlatformServices
{
    /// <summary>The virtual physical count (CNTPCT), in timer ticks; it is derived from executed instructions, never the host clock.</summary>
    ulong PhysicalCount { get; }

    /// <summary>The counter frequency reported in CNTFRQ_EL0 (62.5 MHz on QEMU virt).</summary>
    ulong CounterFrequency { get; }

    /// <summary>Handles an SMC (or HVC from EL1 when no hypervisor claims it) that the platform firmware answers, i.e. PSCI; false when the platform does not claim it.</summary>
    /// <remarks>Called only when the architecture does not trap the call to EL2 first (HCR_EL2.TSC for SMC).
    /// The platform reads the function id in x0 and writes results to x0 through <paramref name="registers"/>.</remarks>
    bool TryHandleFirmwareCall(int coreId, IGeneralRegisters registers, bool isSmc);
}

/// <summary>Read and write access to a core's general registers X0–X30, for firmware calls and the hypervisor.</summary>
public interface IGeneralRegisters
{
    /// <summary>Reads Xn (n in 0..30).</summary>
    ulong GetX(int n);

    /// <summary>Writes Xn (n in 0..30).</summary>
    void SetX(int n, ulong value);
}
