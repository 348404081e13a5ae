using Persona.Arm.Cpu;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>The world switch: foreground devices leave with the old persona, the whole context is saved and the target's restored
/// (general registers, EL1 system registers, ELR/SPSR_EL2, timer with CNTVOFF, virtual GIC, VTTBR with the VMID), devices follow.</summary>
public sealed partial class Hypervisor
{
    private void SwitchTo(Core core, Component to, List<SpecStep> steps)
    {
        var from = Foreground;
        if (!Mutants.HasFlag(HypervisorMutant.SwitchKeepsForegroundDevices))
        {
            for (var d = 0; d < Devices.Count; d++)
            {
                if (Devices.Describe(d).Kind == DeviceKind.Foreground && Devices[d].Assigned)
                    Revoke(d, steps);
            }
        }
        UnlinkHardwareInterrupts(core, from);
        var saved = SavedRegisters.Capture(core);
        if (Mutants.HasFlag(HypervisorMutant.RegisterNotSaved) && contexts[(int)from] is { } previous)
            saved[30] = previous[30];
        contexts[(int)from] = saved;
        var target = contexts[(int)to] ?? throw new InvalidOperationException($"{to} has no context to restore");
        SavedRegisters.Restore(core, target);
        Foreground = to;
        steps.Add(SpecStep.Of("switchTo", true, ("to", to)));
        var receiver = Mutants.HasFlag(HypervisorMutant.GrantForegroundDevicesToBackground) ? from : to;
        for (var d = 0; d < Devices.Count; d++)
        {
            if (Devices.Describe(d).Kind == DeviceKind.Foreground && !Devices[d].Assigned)
            {
                steps.Add(SpecStep.Of("grant", true, ("d", d), ("who", receiver)));
                Grant(d, receiver);
            }
        }
    }
}
