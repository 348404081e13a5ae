using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

/// <summary>Records the interrupt lines a GIC drives into one core.</summary>
internal sealed class RecordingSink : IInterruptSink
{
    public bool Irq { get; private set; }
    public bool Fiq { get; private set; }
    public bool VirtualIrq { get; private set; }
    public bool VirtualFiq { get; private set; }
    public int Wakes { get; private set; }

    public void SetPhysicalInterrupt(bool irq, bool fiq) => (Irq, Fiq) = (irq, fiq);

    public void SetVirtualInterrupt(bool irq, bool fiq) => (VirtualIrq, VirtualFiq) = (irq, fiq);

    public void Wake() => Wakes++;
}

/// <summary>A GIC wired to recording sinks, with helpers that program it as bare-metal EL2 code would.</summary>
internal sealed class GicTestKit
{
    public const ulong HcrImoFmo = (1UL << 4) | (1UL << 3);

    public GicTestKit(int cores = 1)
    {
        Gic = new Gicv3(cores);
        Sinks = [.. Enumerable.Range(0, cores).Select(_ => new RecordingSink())];
        for (var c = 0; c < cores; c++)
            Gic.Connect(c, Sinks[c]);
    }

    public Gicv3 Gic { get; }

    public RecordingSink[] Sinks { get; }

    public ulong Read(GicSystemRegister register, int core = 0, int level = 2, ulong hcr = 0)
    {
        Assert.True(Gic.TryRead(new SystemRegisterAccess(core, level, hcr, new SystemRegisterKey((int)register)), out var value));
        return value;
    }

    public void Write(GicSystemRegister register, ulong value, int core = 0, int level = 2, ulong hcr = 0) =>
        Assert.True(Gic.TryWrite(new SystemRegisterAccess(core, level, hcr, new SystemRegisterKey((int)register)), value));

    public void Distributor(ulong offset, ulong value, int size = 4) => Assert.True(Gic.Distributor.TryWrite(0, offset, size, value));

    public ulong ReadDistributor(ulong offset, int size = 4)
    {
        Assert.True(Gic.Distributor.TryRead(0, offset, size, out var value));
        return value;
    }

    public void Redistributor(int core, ulong offset, ulong value, int size = 4) =>
        Assert.True(Gic.Redistributors.TryWrite(core, ((ulong)core * PlatformMap.GicRedistributorStride) + offset, size, value));

    public ulong ReadRedistributor(int core, ulong offset, int size = 4)
    {
        Assert.True(Gic.Redistributors.TryRead(core, ((ulong)core * PlatformMap.GicRedistributorStride) + offset, size, out var value));
        return value;
    }

    /// <summary>Enables both groups, makes every private interrupt group 1 and opens each core's CPU interface.</summary>
    public GicTestKit Enabled()
    {
        Distributor(0x0, 0x13);
        for (var c = 0; c < Sinks.Length; c++)
        {
            Redistributor(c, 0x10080, 0xFFFF_FFFF);
            Write(GicSystemRegister.IccPmrEl1, 0xFF, c);
            Write(GicSystemRegister.IccIgrpen1El1, 1, c);
        }
        return this;
    }

    public void EnablePrivate(int core, int id, byte priority)
    {
        Redistributor(core, 0x10400 + (ulong)id, priority, 1);
        Redistributor(core, 0x10100, 1UL << id);
    }
}
