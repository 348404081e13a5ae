using Persona.Arm.Contracts;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>A C# exception handler at EL2: when set on a core, it runs instead of the guest code at VBAR_EL2.</summary>
/// <remarks>The core first enters the exception exactly as the architecture says (ESR_EL2, FAR_EL2, HPFAR_EL2, ELR_EL2,
/// SPSR_EL2 written, PSTATE at EL2h with DAIF masked), then calls <see cref="HandleException"/>, then performs an
/// exception return from ELR_EL2/SPSR_EL2 as ERET would. The handler emulates by editing registers, ELR_EL2 (e.g. +4 to
/// skip a trapped instruction) and SPSR_EL2 through the core's API, and may change stage 2 and flush TLBs.</remarks>
public interface IEl2Handler
{
    /// <summary>Handles one exception taken to EL2; the core returns from it as ERET would when this returns.</summary>
    void HandleException(Core core, in ExceptionRecord record);
}

/// <summary>The connection between cores the platform wires up: inner-shareable TLB maintenance and SEV reach every other core.</summary>
public interface ICoreInterconnect
{
    /// <summary>Applies a broadcast (IS) TLB invalidation to every core except <paramref name="origin"/>, through <see cref="Core.ApplyTlbInvalidation"/>.</summary>
    void BroadcastTlbInvalidation(Core origin, in TlbInvalidation invalidation);

    /// <summary>Sets the event register of every core except <paramref name="origin"/> and wakes those waiting in WFE, through <see cref="Core.SignalEvent"/>.</summary>
    void SendEvent(Core origin);
}
