namespace Persona.Hypervisor.Memory;

/// <summary>Stage-2 descriptor fields (VMSAv8-64, 4 KiB granule) the hypervisor writes.</summary>
[Flags]
public enum Stage2Descriptor : ulong
{
    /// <summary>Valid.</summary>
    Valid = 1UL << 0,

    /// <summary>Table (levels 0-2) or page (level 3).</summary>
    TableOrPage = 1UL << 1,

    /// <summary>MemAttr = 0b1111: Normal, inner and outer write-back.</summary>
    NormalMemory = 0xFUL << 2,

    /// <summary>MemAttr = 0b0001: Device-nGnRE.</summary>
    DeviceMemory = 0x1UL << 2,

    /// <summary>S2AP bit 0: readable.</summary>
    Read = 1UL << 6,

    /// <summary>S2AP bit 1: writable.</summary>
    Write = 1UL << 7,

    /// <summary>SH = 0b11: inner shareable.</summary>
    InnerShareable = 3UL << 8,

    /// <summary>Access flag (no hardware update, so it is set up front).</summary>
    AccessFlag = 1UL << 10,

    /// <summary>XN: not executable at stage 2.</summary>
    ExecuteNever = 1UL << 54,
}
