namespace Persona.Arm.Isa;

/// <summary>The Arm ARM's DecodeBitMasks for logical immediates and bitfield moves.</summary>
public static class BitMasks
{
    /// <summary>Decodes N:imms:immr into the wmask and tmask; false for a reserved encoding.</summary>
    /// <param name="n">The N bit.</param>
    /// <param name="imms">imms.</param>
    /// <param name="immr">immr.</param>
    /// <param name="logicalImmediate">True for logical immediates, where an all-ones element is reserved.</param>
    /// <param name="is64">True for the 64-bit form.</param>
    /// <param name="wmask">The rotated element mask, replicated.</param>
    /// <param name="tmask">The bitfield top mask, replicated.</param>
    public static bool TryDecode(int n, int imms, int immr, bool logicalImmediate, bool is64, out ulong wmask, out ulong tmask)
    {
        wmask = tmask = 0;
        var combined = (n << 6) | (~imms & 63);
        if (combined == 0)
            return false;
        var length = 31 - int.LeadingZeroCount(combined);
        if (length < 1 || (!is64 && n == 1))
            return false;
        var levels = (1 << length) - 1;
        if (logicalImmediate && (imms & levels) == levels)
            return false;
        var s = imms & levels;
        var r = immr & levels;
        var diff = (s - r) & levels;
        var elementSize = 1 << length;
        var welem = Ones(s + 1);
        var telem = Ones(diff + 1);
        welem = RotateElement(welem, r, elementSize);
        wmask = Replicate(welem, elementSize);
        tmask = Replicate(telem, elementSize);
        if (!is64)
        {
            wmask &= 0xFFFF_FFFF;
            tmask &= 0xFFFF_FFFF;
        }
        return true;
    }

    // wmask of every 64-bit logical immediate, indexed by N:immr:imms (13 bits); 0 marks a reserved encoding (no valid mask is 0).
    private static readonly ulong[] LogicalImmediates = BuildLogicalImmediates();

    /// <summary>The wmask of a logical immediate (AND/ORR/EOR/ANDS), or 0 for a reserved encoding; a table lookup, for the hot path.</summary>
    /// <param name="n">The N bit.</param>
    /// <param name="imms">imms.</param>
    /// <param name="immr">immr.</param>
    /// <param name="is64">True for the 64-bit form (the 32-bit form requires N = 0 and keeps the low 32 bits).</param>
    public static ulong LogicalImmediate(int n, int imms, int immr, bool is64)
    {
        if (!is64 && n != 0)
            return 0;
        var mask = LogicalImmediates[((n & 1) << 12) | ((immr & 63) << 6) | (imms & 63)];
        return is64 ? mask : mask & 0xFFFF_FFFF;
    }

    private static ulong[] BuildLogicalImmediates()
    {
        var table = new ulong[1 << 13];
        for (var index = 0; index < table.Length; index++)
        {
            if (TryDecode(index >> 12, index & 63, (index >> 6) & 63, logicalImmediate: true, is64: true, out var wmask, out _))
                table[index] = wmask;
        }
        return table;
    }

    private static ulong Ones(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;

    private static ulong RotateElement(ulong element, int amount, int size)
    {
        if (amount == 0)
            return element;
        var mask = Ones(size);
        return ((element >> amount) | (element << (size - amount))) & mask;
    }

    private static ulong Replicate(ulong element, int size)
    {
        var result = element;
        for (var width = size; width < 64; width *= 2)
            result |= result << width;
        return result;
    }
}
