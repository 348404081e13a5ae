namespace Persona.Arm.Platform.Devices;

/// <summary>The SMMU's register window: enable, stream table base, commands (invalidations), and the last event.</summary>
public sealed partial class Smmu
{
    /// <summary>The size of the register window.</summary>
    public const ulong WindowSize = 0x1000;

    /// <inheritdoc />
    public bool TryRead(int coreId, ulong offset, int size, out ulong value)
    {
        var last = events.Count > 0 ? events[^1] : default;
        value = (SmmuRegister)offset switch
        {
            SmmuRegister.StreamCount => (ulong)StreamCount,
            SmmuRegister.Control => Enabled ? 1UL : 0,
            SmmuRegister.StreamTableBase => StreamTableBase,
            SmmuRegister.CommandArgument0 => argument0,
            SmmuRegister.CommandArgument1 => argument1,
            SmmuRegister.EventCount => (ulong)events.Count,
            SmmuRegister.LastEvent => events.Count == 0 ? 0 : (byte)last.Type | ((ulong)(uint)last.StreamId << 32),
            SmmuRegister.LastEventAddress => last.Iova,
            _ => 0,
        };
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(int coreId, ulong offset, int size, ulong value)
    {
        switch ((SmmuRegister)offset)
        {
            case SmmuRegister.Control:
                Enabled = (value & 1) != 0;
                break;
            case SmmuRegister.StreamTableBase:
                // A new table makes every cached entry meaningless, as the architecture requires CFGI_ALL after it.
                StreamTableBase = value & 0x0000_FFFF_FFFF_FFE0;
                break;
            case SmmuRegister.CommandArgument0:
                argument0 = value;
                break;
            case SmmuRegister.CommandArgument1:
                argument1 = value;
                break;
            case SmmuRegister.Command:
                Execute((SmmuCommand)value);
                break;
        }
        return true;
    }

    /// <summary>Runs one command with the operands in the argument registers; an unknown opcode does nothing (CERROR_ILL is not modelled).</summary>
    private void Execute(SmmuCommand command)
    {
        switch (command)
        {
            case SmmuCommand.InvalidateStreamEntry:
                configurationCache.Remove((int)Math.Min(argument0, int.MaxValue));
                break;
            case SmmuCommand.InvalidateAllStreamEntries:
                configurationCache.Clear();
                break;
            case SmmuCommand.InvalidateVmid:
                foreach (var key in tlb.Keys.Where(k => k.Vmid == (ushort)argument0).ToList())
                    tlb.Remove(key);
                break;
            case SmmuCommand.InvalidateAddress:
                tlb.Remove(((ushort)argument0, argument1 >> 12));
                break;
            case SmmuCommand.InvalidateAll:
                tlb.Clear();
                break;
        }
    }
}
