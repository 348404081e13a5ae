using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Dma;

/// <summary>The board's DMA wiring, derived from the platform description (one definition, read by the board, the hypervisor and the
/// validator): each DMA-capable device masters under one stream ID, in platform order, and the hypervisor tags its stream with one VMID.</summary>
public static class DmaStreams
{
    /// <summary>The first VMID the hypervisor gives a device's SMMU stream (the CPUs' VMIDs are 1 and 2: never shared with a device).</summary>
    public const ushort FirstStreamVmid = 16;

    /// <summary>The stream ID of a device, or null when it does not master DMA.</summary>
    public static int? StreamOf(Platform platform, int device)
    {
        if (!platform.Devices[device].DmaMaster)
            return null;
        var stream = 0;
        for (var d = 0; d < device; d++)
        {
            if (platform.Devices[d].DmaMaster)
                stream++;
        }
        return stream;
    }

    /// <summary>The number of streams (DMA-capable devices) of a platform.</summary>
    public static int CountOf(Platform platform) => platform.Devices.Count(d => d.DmaMaster);

    /// <summary>The VMID that tags a stream's SMMU TLB entries: one per stream, so a device's stale entries never translate for another device.</summary>
    public static ushort VmidOf(int stream) => (ushort)(FirstStreamVmid + stream);
}
