namespace Persona.Arm.Platform.Devices;

/// <summary>The SMMU's register offsets in its window (a reduced SMMUv3 register file; commands are register writes, not a queue).</summary>
public enum SmmuRegister : ulong
{
    /// <summary>IDR0 (read only): the number of stream IDs the SMMU decodes.</summary>
    StreamCount = 0x00,

    /// <summary>CR0: bit 0 SMMUEN. While clear, every transaction aborts (GBPA.ABORT is fixed at 1).</summary>
    Control = 0x20,

    /// <summary>STRTAB_BASE: the PA of the linear stream table (<see cref="SmmuStreamTableEntry"/>, 32 bytes per stream).</summary>
    StreamTableBase = 0x80,

    /// <summary>The first command operand: a stream ID (CFGI_STE) or a VMID (TLBI).</summary>
    CommandArgument0 = 0x90,

    /// <summary>The second command operand: an IOVA (TLBI_S2_IPA).</summary>
    CommandArgument1 = 0x98,

    /// <summary>Writing an opcode (<see cref="SmmuCommand"/>) here executes the command at once.</summary>
    Command = 0xA0,

    /// <summary>(read only) The number of event records since reset.</summary>
    EventCount = 0xB0,

    /// <summary>(read only) The last event's type (low 8 bits) and stream ID (bits [63:32]).</summary>
    LastEvent = 0xB8,

    /// <summary>(read only) The last event's IOVA.</summary>
    LastEventAddress = 0xC0,
}

/// <summary>SMMU command opcodes (the SMMUv3 opcode numbers).</summary>
public enum SmmuCommand : ulong
{
    /// <summary>CMD_CFGI_STE: forget the cached copy of one stream's STE (argument 0 = stream ID).</summary>
    InvalidateStreamEntry = 0x03,

    /// <summary>CMD_CFGI_ALL: forget every cached STE.</summary>
    InvalidateAllStreamEntries = 0x04,

    /// <summary>CMD_TLBI_S12_VMALL: forget every TLB entry of a VMID (argument 0).</summary>
    InvalidateVmid = 0x28,

    /// <summary>CMD_TLBI_S2_IPA: forget the TLB entry of one IOVA page (argument 1) of a VMID (argument 0).</summary>
    InvalidateAddress = 0x2A,

    /// <summary>CMD_TLBI_NSNH_ALL: forget every TLB entry.</summary>
    InvalidateAll = 0x30,

    /// <summary>CMD_SYNC: commands complete synchronously here, so this only orders.</summary>
    Sync = 0x46,
}

/// <summary>SMMU event types (the SMMUv3 event numbers).</summary>
public enum SmmuEventType : byte
{
    /// <summary>C_BAD_STREAMID: the stream ID is beyond the stream table.</summary>
    BadStreamId = 0x02,

    /// <summary>C_BAD_STE: the STE is invalid (V = 0) or has an unsupported Config.</summary>
    BadStreamEntry = 0x04,

    /// <summary>F_WALK_EABT: a table descriptor could not be read.</summary>
    WalkExternalAbort = 0x0B,

    /// <summary>F_TRANSLATION: no valid descriptor for the IOVA.</summary>
    Translation = 0x10,

    /// <summary>F_ADDR_SIZE: the output address is too large.</summary>
    AddressSize = 0x11,

    /// <summary>F_ACCESS: the access flag is clear.</summary>
    AccessFlag = 0x12,

    /// <summary>F_PERMISSION: the descriptor forbids the access.</summary>
    Permission = 0x13,

    /// <summary>The stream is configured to abort, or the SMMU is disabled (SMMUv3 records no event for this; recorded here to be observable).</summary>
    StreamAborted = 0xF0,
}

/// <summary>One SMMU event record: what faulted, for which stream, at which IOVA.</summary>
/// <param name="Type">The event type.</param>
/// <param name="StreamId">The stream whose transaction faulted.</param>
/// <param name="Iova">The input address.</param>
/// <param name="IsWrite">Whether the transaction was a write.</param>
/// <param name="Entry">The STE the SMMU used.</param>
public readonly record struct SmmuEvent(SmmuEventType Type, int StreamId, ulong Iova, bool IsWrite, SmmuStreamTableEntry Entry)
{
    /// <inheritdoc/>
    public override string ToString() => $"SMMU event {Type} (0x{(byte)Type:x2}) stream {StreamId} {(IsWrite ? "write" : "read")} IOVA 0x{Iova:x}, {Entry}";
}

/// <summary>The outcome of one SMMU translation: the PA, or the event that aborted it.</summary>
/// <param name="PhysicalAddress">The translated address (valid when <see cref="Fault"/> is null).</param>
/// <param name="Fault">The event recorded, or null on success.</param>
public readonly record struct SmmuTranslation(ulong PhysicalAddress, SmmuEvent? Fault);
