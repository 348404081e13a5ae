using Persona.Arm.Contracts;

namespace Persona.Hypervisor.Wipe;

/// <summary>The wipe's journal in the key-store page (non-volatile: it survives a power loss, RAM does not): a marker that the
/// key store has been provisioned, and the next wipe step to perform. A step is journaled before it starts, so after a power loss
/// the next boot knows a wipe is under way and how far its persistent effects (the key) went.</summary>
/// <param name="ram">The machine's RAM, which holds the key-store region.</param>
/// <param name="address">The journal's physical address (in the key-store page, after the key).</param>
public sealed class WipeJournal(RamRegion ram, ulong address)
{
    /// <summary>"PSNAJRNL": the key store was provisioned and this journal is valid.</summary>
    private const ulong Marker = 0x4C4E_524A_414E_5350;

    private int Offset => (int)(address - ram.Base);

    /// <summary>Whether the key store has been provisioned (the key installed once, at the factory or first boot).</summary>
    public bool Provisioned => BitConverter.ToUInt64(ram.Bytes, Offset) == Marker;

    /// <summary>The next wipe step to perform (<see cref="WipeStep.None"/>: no wipe ordered).</summary>
    public WipeStep Next
    {
        get => Provisioned && Enum.IsDefined((WipeStep)ram.Bytes[Offset + 8]) ? (WipeStep)ram.Bytes[Offset + 8] : WipeStep.None;
        set => ram.Bytes[Offset + 8] = (byte)value;
    }

    /// <summary>Marks the key store provisioned with no wipe under way.</summary>
    public void Provision()
    {
        BitConverter.TryWriteBytes(ram.Bytes.AsSpan(Offset, 8), Marker);
        Next = WipeStep.None;
    }
}
