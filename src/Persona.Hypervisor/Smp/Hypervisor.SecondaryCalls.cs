using Persona.Arm.Cpu;
using Persona.Arm.Platform.Devices;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>What a secondary vCPU may ask of the hypervisor beyond the ordinary hypercalls: only the boot vCPU switches worlds or
/// powers its persona off (the handset's UI runs there); a secondary vCPU may only stop itself.</summary>
public sealed partial class Hypervisor
{
    private string RefuseSecondarySwitch(Core core, Component persona)
    {
        core.SetX(0, unchecked((ulong)(long)HypercallResult.Denied));
        Note($"{persona}: switch requested from vCPU {core.CoreId} refused: only the boot vCPU switches worlds");
        return $"HVC 0x{(ulong)Hypercall.Switch:x}(Switch) from vCPU {core.CoreId} -> {HypercallResult.Denied}";
    }

    private string HandleSecondaryFirmwareCall(Core core, Component persona, ulong function)
    {
        if (function == PsciCpuOff)
        {
            StopSecondaryVcpu(core, persona, "powered off (PSCI CPU_OFF)");
            return $"SMC PSCI 0x{function:x} (CPU off) on core {core.CoreId}";
        }
        core.SetX(0, unchecked((ulong)(long)PsciResult.Denied));
        Note($"{persona}: PSCI function 0x{function:x} from vCPU {core.CoreId} denied");
        return $"SMC PSCI 0x{function:x} on core {core.CoreId}";
    }
}
