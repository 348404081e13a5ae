using Persona.Arm.Cpu;
using Persona.Hypervisor.Interrupts;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Guest IPIs: with HCR_EL2.IMO a guest's write of ICC_SGI1R_EL1 traps here (EC 0x18); the hypervisor turns it into a
/// virtual SGI for each targeted vCPU of the same persona, so a guest can never signal the other persona or a physical core.</summary>
public sealed partial class Hypervisor
{
    /// <summary>The ISS of an MSR ICC_SGI1R_EL1 (Op0 3, Op1 0, CRn 12, CRm 11, Op2 5, write) with its Rt field cleared.</summary>
    private const ulong MsrIccSgi1rIss = (3UL << 20) | (5UL << 17) | (12UL << 10) | (11UL << 1);

    private const ulong IssMask = 0x1FF_FFFF;
    private const ulong IssRtMask = 0x1FUL << 5;

    /// <summary>The virtual SGIs the hypervisor delivered for guests, in order: (persona, target vCPU, INTID), for tests and the log.</summary>
    public IReadOnlyList<(Component Persona, int Vcpu, int Intid)> GuestSgis => guestSgis;

    private readonly List<(Component, int, int)> guestSgis = [];

    /// <summary>Whether an EC 0x18 syndrome is a write of ICC_SGI1R_EL1 (the only system-register trap the hypervisor emulates).</summary>
    private static bool IsSgi1rWrite(ulong syndrome) => (syndrome & IssMask & ~IssRtMask) == MsrIccSgi1rIss;

    /// <summary>Emulates a trapped write of ICC_SGI1R_EL1: decodes the targets and INTID and injects a virtual SGI into each
    /// targeted vCPU of <paramref name="persona"/> (live list registers, or saved ones when it is not running there); skips the MSR.</summary>
    private string HandleGuestSgi(Core core, Component persona, ulong syndrome)
    {
        var rt = (int)((syndrome >> 5) & 31);
        var value = rt == 31 ? 0 : core.GetX(rt);
        SkipInstruction(core);
        var sgi = SgiRequest.Decode(value);
        var targets = sgi.Broadcast
            ? Enumerable.Range(0, CoreCount).Where(c => c != core.CoreId)
            : sgi.Targets(CoreCount);
        if (!sgi.Broadcast && !sgi.AddressesAnyCore(CoreCount))
            Note($"{persona}: SGI {sgi.Intid} to affinity 0x{value & SgiRequest.AffinityBits:x} names no vCPU; ignored");
        foreach (var target in targets)
            InjectSgi(target, persona, sgi.Intid);
        return $"SGI {sgi.Intid} ({(sgi.Broadcast ? "all others" : $"targets 0x{value & 0xFFFF:x}")})";
    }

    /// <summary>Raises virtual SGI <paramref name="intid"/> on a persona's vCPU of one core: live when the persona runs there, else
    /// saved (a vCPU never started gets nothing); the other persona's vCPU on that core is never touched.</summary>
    private void InjectSgi(int coreId, Component persona, int intid)
    {
        var first = SavedRegisters.IndexOfPlatform("ICH_LR0_EL2");
        var target = CoreAt(coreId);
        if (live[coreId] == persona)
        {
            if (FindSlot(n => target.ReadSystemRegister(PhysicalGic.IchLr(n)), intid) is not { } n)
            {
                Note($"{persona}: no free list register on core {coreId} for SGI {intid}; dropped");
                return;
            }
            var lr = target.ReadSystemRegister(PhysicalGic.IchLr(n));
            var value = ListRegister.InUse(lr) ? lr : ListRegister.Pending(intid);
            target.WriteSystemRegister(PhysicalGic.IchLr(n), value);
            contextEdits[coreId][(int)persona][first + n] = value;
        }
        else if (contexts[coreId][(int)persona] is { } saved)
        {
            if (FindSlot(i => saved[first + i], intid) is not { } n)
            {
                Note($"{persona}: no free list register on core {coreId} for SGI {intid}; dropped");
                return;
            }
            if (!ListRegister.InUse(saved[first + n]))
                saved[first + n] = ListRegister.Pending(intid);
            contextEdits[coreId][(int)persona][first + n] = saved[first + n];
        }
        else
        {
            Note($"{persona}: SGI {intid} to vCPU {coreId}, which has not started; dropped");
            return;
        }
        Record(guestSgis, (persona, coreId, intid));
    }
}
