using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Devices;

/// <summary>The hypervisor's device table: who holds each platform device, and whether it is quiesced; MMIO follows the owner's stage 2.</summary>
public sealed class DeviceBroker
{
    private readonly DeviceEntry[] entries;

    /// <summary>The boot assignment of a platform's devices.</summary>
    public DeviceBroker(Platform platform)
    {
        Platform = platform;
        entries = [.. platform.Devices.Select(d => new DeviceEntry { Assigned = d.Owner is not null, Owner = d.Owner ?? Component.Hypervisor })];
    }

    /// <summary>The platform whose devices these are.</summary>
    public Platform Platform { get; }

    /// <summary>The number of devices.</summary>
    public int Count => entries.Length;

    /// <summary>The entry of a device.</summary>
    public DeviceEntry this[int device] => entries[device];

    /// <summary>The platform description of a device.</summary>
    public DeviceDescription Describe(int device) => Platform.Devices[device];
}

/// <summary>One device's state in the broker.</summary>
public sealed class DeviceEntry
{
    /// <summary>Whether it is assigned to a component.</summary>
    public bool Assigned { get; set; }

    /// <summary>Its owner when assigned.</summary>
    public Component Owner { get; set; }

    /// <summary>Whether nothing is in flight.</summary>
    public bool Quiesced { get; set; } = true;

    /// <summary>Whether its buffers hold the owner's data (it was used since its last scrub).</summary>
    public bool Dirty { get; set; }
}
