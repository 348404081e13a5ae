using Persona.Arm.Cpu;
using Persona.Arm.Memory;

namespace Persona.Hypervisor;

/// <summary>Stage-2 TLB maintenance reaches every core (TLBI ...IS): a core that kept an entry could still reach a page
/// that has left the persona.</summary>
public sealed partial class Hypervisor
{
    /// <summary>The core whose trap the hypervisor is handling (the one that issues TLB maintenance).</summary>
    private int handlingCore;

    private void Broadcast(in TlbInvalidation invalidation) => Broadcast(CoreAt(handlingCore), invalidation);

    private void Broadcast(Core origin, in TlbInvalidation invalidation)
    {
        for (var k = 0; k < CoreCount; k++)
        {
            if (Mutants.HasFlag(HypervisorMutant.TlbInvalidationLocalCoreOnly) && k != origin.CoreId)
                continue;
            CoreAt(k).ApplyTlbInvalidation(invalidation);
        }
    }
}
