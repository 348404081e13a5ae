namespace Persona.Arm.Platform;

/// <summary>How to build a machine: cores, RAM, timing and scheduling.</summary>
public sealed record MachineOptions
{
    /// <summary>The number of cores (1 to 16).</summary>
    public int CoreCount { get; init; } = 1;

    /// <summary>The RAM size in bytes, mapped at <see cref="PlatformMap.RamBase"/>.</summary>
    public ulong RamSize { get; init; } = PlatformMap.DefaultRamSize;

    /// <summary>System-counter ticks per executed instruction: the only link between work done and virtual time.</summary>
    public ulong TicksPerInstruction { get; init; } = 1;

    /// <summary>The scheduler, or null for round-robin with the default quantum.</summary>
    public IScheduler? Scheduler { get; init; }

    /// <summary>The virtio block device's backing store, or null for no block device.</summary>
    public Devices.IBlockStore? BlockStore { get; init; }
}
