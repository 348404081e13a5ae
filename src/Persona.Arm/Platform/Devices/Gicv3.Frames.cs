namespace Persona.Arm.Platform.Devices;

public sealed partial class Gicv3
{
    private const ulong ImplementerId = 0x43B;
    private const ulong PeripheralId2 = 0x3B;
    private const ulong PeripheralId2Offset = 0xFFE8;
    private const ulong RedistributorSgiFrame = 0x1_0000;
    internal const uint WakerProcessorSleep = 1 << 1;
    internal const uint WakerChildrenAsleep = 1 << 2;

    private bool ReadDistributor(ulong offset, int size, out ulong value)
    {
        value = offset switch
        {
            0x0000 => distributorControl | GicDistributorControl.DisableSecurity | GicDistributorControl.AffinityRoutingEnable,
            // ITLinesNumber, CPUNumber, IDbits = 16 bits.
            0x0004 => (ulong)((InterruptCount / 32) - 1) | ((ulong)Math.Min(CoreCount - 1, 7) << 5) | (15UL << 19),
            0x0008 => ImplementerId,
            PeripheralId2Offset => PeripheralId2,
            >= 0x6100 and < 0x6000 + (InterruptCount * 8) => ReadRoute(offset - 0x6000, size),
            _ => ulong.MaxValue,
        };
        if (value != ulong.MaxValue)
            return true;
        // The distributor's copies of the SGI/PPI registers are RAZ/WI under affinity routing.
        return InterruptBank.TryRead(shared, 32, offset, size, out value);
    }

    private ulong ReadRoute(ulong offset, int size)
    {
        var id = (int)(offset / 8);
        var route = shared[id - 32].Route;
        return (offset % 8 == 4) ? route >> 32 : size == 8 ? route : route & 0xFFFF_FFFF;
    }

    private bool WriteDistributor(ulong offset, int size, ulong value)
    {
        switch (offset)
        {
            case 0x0000:
                distributorControl = (uint)value & (GicDistributorControl.EnableGroup0 | GicDistributorControl.EnableGroup1);
                break;
            case >= 0x6100 and < 0x6000 + (InterruptCount * 8):
                var id = (int)((offset - 0x6000) / 8);
                ref var route = ref shared[id - 32].Route;
                route = (offset % 8 == 4) ? (route & 0xFFFF_FFFF) | (value << 32)
                    : size == 8 ? value : (route & ~0xFFFF_FFFFUL) | (value & 0xFFFF_FFFF);
                break;
            case < 0x80 or PeripheralId2Offset:
                break;
            default:
                if (!InterruptBank.TryWrite(shared, 32, offset, size, value))
                    return false;
                break;
        }
        UpdateAll();
        return true;
    }

    private bool ReadRedistributor(ulong offset, int size, out ulong value)
    {
        var coreId = (int)(offset / PlatformMap.GicRedistributorStride);
        var local = offset % PlatformMap.GicRedistributorStride;
        value = 0;
        if (coreId >= CoreCount)
            return false;
        if (local >= RedistributorSgiFrame)
            return InterruptBank.TryRead(privates[coreId], 0, local - RedistributorSgiFrame, size, out value);
        var typer = (AffinityOf(coreId) << 32) | ((ulong)coreId << 8) | (coreId == CoreCount - 1 ? 1UL << 4 : 0);
        value = local switch
        {
            0x0004 => ImplementerId,
            0x0008 => size == 8 ? typer : typer & 0xFFFF_FFFF,
            0x000C => typer >> 32,
            0x0014 => cpus[coreId].Waker,
            PeripheralId2Offset => PeripheralId2,
            _ => 0,
        };
        return true;
    }

    private bool WriteRedistributor(ulong offset, int size, ulong value)
    {
        var coreId = (int)(offset / PlatformMap.GicRedistributorStride);
        var local = offset % PlatformMap.GicRedistributorStride;
        if (coreId >= CoreCount)
            return false;
        if (local >= RedistributorSgiFrame)
        {
            if (!InterruptBank.TryWrite(privates[coreId], 0, local - RedistributorSgiFrame, size, value))
                return false;
        }
        else if (local == 0x0014)
        {
            // Waking the processor wakes its children at once: there is no power sequencing to model.
            var sleep = (uint)value & WakerProcessorSleep;
            cpus[coreId].Waker = sleep | (sleep != 0 ? WakerChildrenAsleep : 0);
        }
        Update(coreId);
        return true;
    }

    /// <summary>The distributor's MMIO window.</summary>
    private sealed class DistributorFrame(Gicv3 gic) : IMmioDevice
    {
        public bool TryRead(int coreId, ulong offset, int size, out ulong value) => gic.ReadDistributor(offset, size, out value);

        public bool TryWrite(int coreId, ulong offset, int size, ulong value) => gic.WriteDistributor(offset, size, value);
    }

    /// <summary>The redistributors' MMIO window, one frame pair per core.</summary>
    private sealed class RedistributorFrames(Gicv3 gic) : IMmioDevice
    {
        public bool TryRead(int coreId, ulong offset, int size, out ulong value) => gic.ReadRedistributor(offset, size, out value);

        public bool TryWrite(int coreId, ulong offset, int size, ulong value) => gic.WriteRedistributor(offset, size, value);
    }
}
