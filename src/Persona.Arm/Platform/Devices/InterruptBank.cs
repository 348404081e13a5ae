namespace Persona.Arm.Platform.Devices;

/// <summary>The register layout the GICv3 distributor and a redistributor's SGI frame share (IGROUPR … IGRPMODR), over one span of interrupts.</summary>
/// <remarks>One implementation of the bitmaps serves both frames, so their semantics cannot drift apart.</remarks>
internal static class InterruptBank
{
    public const ulong GroupBase = 0x080;
    public const ulong SetEnableBase = 0x100;
    public const ulong ClearEnableBase = 0x180;
    public const ulong SetPendingBase = 0x200;
    public const ulong ClearPendingBase = 0x280;
    public const ulong SetActiveBase = 0x300;
    public const ulong ClearActiveBase = 0x380;
    public const ulong PriorityBase = 0x400;
    public const ulong ConfigBase = 0xC00;
    public const ulong GroupModifierBase = 0xD00;

    /// <summary>Reads a bank register; <paramref name="firstId"/> is the INTID of <c>states[0]</c>; ids outside the span read as zero.</summary>
    public static bool TryRead(Span<InterruptState> states, int firstId, ulong offset, int size, out ulong value)
    {
        value = 0;
        if (offset is >= PriorityBase and < PriorityBase + 0x400)
        {
            var id = (int)(offset - PriorityBase);
            for (var i = 0; i < size; i++)
            {
                if (Index(states, firstId, id + i) is var k && k >= 0)
                    value |= (ulong)states[k].Priority << (8 * i);
            }
            return true;
        }
        if (offset is >= ConfigBase and < ConfigBase + 0x100)
        {
            var id = (int)(offset - ConfigBase) * 4;
            for (var i = 0; i < 16; i++)
            {
                if (Index(states, firstId, id + i) is var k && k >= 0 && states[k].EdgeTriggered)
                    value |= 2UL << (2 * i);
            }
            return true;
        }
        if (BitmapBase(offset) is not { } bitmapBase)
            return offset < 0x1_0000;
        var first = (int)(offset - bitmapBase) * 8;
        for (var i = 0; i < 8 * size; i++)
        {
            if (Index(states, firstId, first + i) is var k && k >= 0 && BitOf(bitmapBase, states[k]))
                value |= 1UL << i;
        }
        return true;
    }

    /// <summary>Writes a bank register; returns false when the offset is not one of the bank's registers.</summary>
    public static bool TryWrite(Span<InterruptState> states, int firstId, ulong offset, int size, ulong value)
    {
        if (offset is >= PriorityBase and < PriorityBase + 0x400)
        {
            var id = (int)(offset - PriorityBase);
            for (var i = 0; i < size; i++)
            {
                if (Index(states, firstId, id + i) is var k && k >= 0)
                    states[k].Priority = (byte)(value >> (8 * i));
            }
            return true;
        }
        if (offset is >= ConfigBase and < ConfigBase + 0x100)
        {
            var id = (int)(offset - ConfigBase) * 4;
            for (var i = 0; i < 16; i++)
            {
                // SGIs are always edge-triggered; their configuration bits are read-only.
                if (id + i >= 16 && Index(states, firstId, id + i) is var k && k >= 0)
                    states[k].EdgeTriggered = ((value >> (2 * i)) & 2) != 0;
            }
            return true;
        }
        if (BitmapBase(offset) is not { } bitmapBase)
            return offset < 0x1_0000;
        var first = (int)(offset - bitmapBase) * 8;
        for (var i = 0; i < 8 * size; i++)
        {
            if (Index(states, firstId, first + i) is var k && k >= 0)
                ApplyBit(bitmapBase, ref states[k], ((value >> i) & 1) != 0);
        }
        return true;
    }

    private static int Index(Span<InterruptState> states, int firstId, int id) =>
        id >= firstId && id - firstId < states.Length ? id - firstId : -1;

    private static ulong? BitmapBase(ulong offset) => offset switch
    {
        >= GroupBase and < SetEnableBase => GroupBase,
        >= SetEnableBase and < ClearEnableBase => SetEnableBase,
        >= ClearEnableBase and < SetPendingBase => ClearEnableBase,
        >= SetPendingBase and < ClearPendingBase => SetPendingBase,
        >= ClearPendingBase and < SetActiveBase => ClearPendingBase,
        >= SetActiveBase and < ClearActiveBase => SetActiveBase,
        >= ClearActiveBase and < PriorityBase => ClearActiveBase,
        >= GroupModifierBase and < GroupModifierBase + 0x80 => GroupModifierBase,
        _ => null,
    };

    private static bool BitOf(ulong bitmapBase, in InterruptState s) => bitmapBase switch
    {
        GroupBase => s.Group1,
        SetEnableBase or ClearEnableBase => s.Enabled,
        SetPendingBase or ClearPendingBase => s.Pending,
        SetActiveBase or ClearActiveBase => s.Active,
        _ => false,
    };

    private static void ApplyBit(ulong bitmapBase, ref InterruptState s, bool bit)
    {
        switch (bitmapBase)
        {
            case GroupBase:
                s.Group1 = bit;
                break;
            case SetEnableBase when bit:
                s.Enabled = true;
                break;
            case ClearEnableBase when bit:
                s.Enabled = false;
                break;
            case SetPendingBase when bit:
                s.PendingLatch = true;
                break;
            case ClearPendingBase when bit:
                s.PendingLatch = false;
                break;
            case SetActiveBase when bit:
                s.Active = true;
                break;
            case ClearActiveBase when bit:
                s.Active = false;
                break;
        }
    }
}
