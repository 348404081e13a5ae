namespace Persona.Hypervisor.Interrupts;

/// <summary>A decoded ICC_SGI1R_EL1 value (GICv3): the INTID, the target list within affinity Aff3.Aff2.Aff1 and range selector RS, or
/// IRM broadcast to every other core. vCPU n has affinity 0.0.0.n, as the hypervisor's PSCI CPU_ON reads it.</summary>
/// <param name="Intid">The SGI number (bits 27:24, so always 0..15).</param>
/// <param name="TargetList">The Aff0 target bitmap within the range (bits 15:0).</param>
/// <param name="RangeSelector">Which 16 Aff0 values the target list covers (bits 47:44).</param>
/// <param name="UpperAffinity">Aff1, Aff2 and Aff3 (bits 23:16, 39:32, 55:48), nonzero for cores this platform does not have.</param>
/// <param name="Broadcast">IRM (bit 40): every core but the sender.</param>
public readonly record struct SgiRequest(int Intid, ushort TargetList, int RangeSelector, ulong UpperAffinity, bool Broadcast)
{
    /// <summary>The affinity and target bits of the register, for messages.</summary>
    public const ulong AffinityBits = 0x00FF_00FF_00FF_FFFF;

    /// <summary>Decodes a written value; RES0 bits are ignored, as the GIC does.</summary>
    public static SgiRequest Decode(ulong value) => new(
        (int)((value >> 24) & 0xF),
        (ushort)(value & 0xFFFF),
        (int)((value >> 44) & 0xF),
        ((value >> 16) & 0xFF) | (((value >> 32) & 0xFF) << 8) | (((value >> 48) & 0xFF) << 16),
        ((value >> 40) & 1) != 0);

    /// <summary>The cores (vCPU indexes below <paramref name="coreCount"/>) the target list names; none when the upper affinity is nonzero.</summary>
    public IEnumerable<int> Targets(int coreCount)
    {
        if (UpperAffinity != 0)
            yield break;
        for (var bit = 0; bit < 16; bit++)
        {
            var core = (RangeSelector * 16) + bit;
            if ((TargetList & (1 << bit)) != 0 && core < coreCount)
                yield return core;
        }
    }

    /// <summary>Whether at least one target exists on a machine of <paramref name="coreCount"/> cores.</summary>
    public bool AddressesAnyCore(int coreCount) => Targets(coreCount).Any();
}
