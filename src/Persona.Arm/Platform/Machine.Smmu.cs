using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Platform;

/// <summary>DMA: the SMMU and the DMA masters behind it, attached by a platform that has DMA-capable devices.</summary>
public sealed partial class Machine
{
    private readonly List<DmaMaster> dmaMasters = [];

    /// <summary>The SMMU, once attached.</summary>
    public Smmu? Smmu { get; private set; }

    /// <summary>The DMA masters attached, in stream-ID order of attachment.</summary>
    public IReadOnlyList<DmaMaster> DmaMasters => dmaMasters;

    /// <summary>Attaches an SMMU decoding <paramref name="streamCount"/> stream IDs at <see cref="PlatformMap.SmmuBase"/>.</summary>
    public Smmu AttachSmmu(int streamCount)
    {
        if (Smmu is not null)
            throw new InvalidOperationException("the machine already has an SMMU");
        Smmu = new Smmu(Bus, streamCount);
        Bus.Map(PlatformMap.SmmuBase, Smmu.WindowSize, Smmu);
        return Smmu;
    }

    /// <summary>Attaches a DMA master with its register window at <paramref name="mmioBase"/>, issuing transactions under <paramref name="streamId"/>.</summary>
    public DmaMaster AttachDmaMaster(ulong mmioBase, int streamId)
    {
        var smmu = Smmu ?? throw new InvalidOperationException("attach the SMMU before a DMA master");
        var master = new DmaMaster(Bus, smmu, streamId);
        Bus.Map(mmioBase, DmaMaster.WindowSize, master);
        dmaMasters.Add(master);
        return master;
    }
}
