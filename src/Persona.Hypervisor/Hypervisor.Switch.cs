using Persona.Arm.Cpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>The world switch, a whole-handset switch: foreground devices leave with the old persona, the initiating core saves its
/// context and restores the target's (general registers, EL1 system registers, ELR/SPSR_EL2, timer with CNTVOFF, virtual GIC,
/// VTTBR with the VMID), every other core running the old persona is sent the switch IPI and does the same, and only when every
/// core has switched do the foreground devices follow the new foreground.</summary>
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
        if (contexts[core.CoreId][(int)to] is null)
            throw new InvalidOperationException($"{to} has no context to restore on core {core.CoreId}");
        PrepareVirtualCounter(to);
        var outgoingOffset = core.ReadSystemRegister(VirtualOffsetKey);
        SwitchCore(core, to);
        if (Mutants.HasFlag(HypervisorMutant.SwitchRestoresOtherVirtualOffset) && live[core.CoreId] == to)
            core.WriteSystemRegister(VirtualOffsetKey, outgoingOffset);
        Foreground = to;
        steps.Add(SpecStep.Of("switchTo", true, ("to", to)));
        for (var k = 0; k < CoreCount; k++)
        {
            if (k == core.CoreId)
                continue;
            if (live[k] == from)
            {
                if (Mutants.HasFlag(HypervisorMutant.SwitchLeavesOtherCoresInOldPersona))
                    continue;
                switchPending.Add(k);
                SendSwitchIpi(core, k);
            }
            else if (live[k] is null && contexts[k][(int)to] is { } parked && MayRun(to))
            {
                Unpark(k, to, parked);
            }
        }
        if (switchPending.Count == 0)
            CompleteSwitch(steps);
    }

    /// <summary>Every core runs the new foreground persona (or is parked): the foreground devices follow it.</summary>
    private void CompleteSwitch(List<SpecStep> steps)
    {
        var to = Foreground;
        var receiver = Mutants.HasFlag(HypervisorMutant.GrantForegroundDevicesToBackground) ? HypervisorLayout.Other(to) : to;
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
