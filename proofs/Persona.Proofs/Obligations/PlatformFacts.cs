using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Proofs.Obligations;

/// <summary>A platform's device table as named hypotheses over the boot state's platform functions.</summary>
/// <remarks>Memory regions stay unconstrained, so initiation is proved for every memory layout the parser accepts.</remarks>
public static class PlatformFacts
{
    /// <summary>The constant that stands for a device in proofs.</summary>
    public static Term<Device> DeviceConstant(DeviceDescription device) => Var<Device>($"device_{device.Name}");

    /// <summary>The facts: the devices are distinct, they are all the devices, and each has its kind, DMA ability and boot owner.</summary>
    public static IReadOnlyList<Hypothesis> Of(Platform platform)
    {
        var facts = new List<Hypothesis>();
        var constants = platform.Devices.Select(DeviceConstant).ToArray();
        for (var i = 0; i < constants.Length; i++)
        {
            for (var j = i + 1; j < constants.Length; j++)
                facts.Add(new Hypothesis($"distinct-{platform.Devices[i].Name}-{platform.Devices[j].Name}", constants[i] != constants[j]));
        }
        facts.Add(new Hypothesis("every-device-listed", ForAll<Device>(d => Any(constants.Select(c => d == c).ToArray()))));
        foreach (var device in platform.Devices)
        {
            var d = DeviceConstant(device);
            facts.Add(new Hypothesis($"{device.Name}-kind", Platform<Device, DeviceKind>(InitialState.KindOf, d) == Lit(device.Kind)));
            facts.Add(new Hypothesis($"{device.Name}-dma", Platform<Device, bool>(InitialState.IsDmaMaster, d) == (Term<bool>)device.DmaMaster));
            facts.Add(new Hypothesis($"{device.Name}-assigned", Platform<Device, bool>(InitialState.AssignedAtBoot, d) == (Term<bool>)(device.Owner is not null)));
            if (device.Owner is { } owner)
                facts.Add(new Hypothesis($"{device.Name}-owner", Platform<Device, Component>(InitialState.OwnerAtBoot, d) == Lit(owner)));
        }
        return facts;
    }
}
