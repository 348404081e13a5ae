using Persona.Arm.Cpu;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Each persona's own virtual counter: its CNTVOFF_EL2 is the physical count at its first entry, so its virtual time starts
/// at 0 when it boots and then runs with the physical counter (also while it waits in the background, so its timer deadlines keep
/// their wall-clock meaning). Every vCPU of a persona, on every core, has the same offset (one virtual counter per persona).</summary>
public sealed partial class Hypervisor
{
    private readonly ulong?[] virtualOffsets = new ulong?[2];

    private static readonly int VirtualOffsetIndex = SavedRegisters.IndexOfPlatform("CNTVOFF_EL2");

    private static readonly Arm.Contracts.SystemRegisterKey VirtualOffsetKey = SavedRegisters.KeyOfPlatform("CNTVOFF_EL2");

    /// <summary>A persona's CNTVOFF_EL2 (the physical count at its first entry), or null before it has run.</summary>
    public ulong? VirtualOffsetOf(Component persona) => virtualOffsets[(int)persona];

    /// <summary>The persona enters for the first time on <paramref name="core"/> (live registers already its own): its virtual counter starts now.</summary>
    private void StartVirtualCounter(Core core, Component persona)
    {
        var offset = virtualOffsets[(int)persona] ??= Machine.Clock.Ticks;
        core.WriteSystemRegister(VirtualOffsetKey, offset);
    }

    /// <summary>Before a saved context of <paramref name="persona"/> is restored: a persona that never ran gets its offset (the physical
    /// count now) in every context it has, so all its vCPUs share one virtual counter.</summary>
    private void PrepareVirtualCounter(Component persona)
    {
        if (virtualOffsets[(int)persona] is not null)
            return;
        var offset = Machine.Clock.Ticks;
        virtualOffsets[(int)persona] = offset;
        foreach (var perCore in contexts)
        {
            if (perCore[(int)persona] is { } context)
                context[VirtualOffsetIndex] = offset;
        }
    }

    /// <summary>A new vCPU context's CNTVOFF: its persona's offset once it has run (a secondary vCPU started by the persona), else 0
    /// until the persona's first entry sets it.</summary>
    private ulong[] WithVirtualOffset(Component persona, ulong[] context)
    {
        context[VirtualOffsetIndex] = virtualOffsets[(int)persona] ?? 0;
        return context;
    }
}
