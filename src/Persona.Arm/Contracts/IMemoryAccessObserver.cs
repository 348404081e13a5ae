namespace Persona.Arm.Contracts;

/// <summary>Told of every guest data access that completed translation, for the hypervisor's strict mode (set on <c>Core.AccessObserver</c>).</summary>
/// <remarks>While an observer is set, the core bypasses its fast data TLB so that every access reaches the slow path
/// that reports it; while none is set, the hot loop pays nothing. Page-crossing accesses are reported byte by byte,
/// because each byte is translated on its own.</remarks>
public interface IMemoryAccessObserver
{
    /// <summary>Called once a data access has been translated, just before it reaches RAM or the device.</summary>
    void OnAccess(in MemoryAccess access);
}

/// <summary>One translated guest data access.</summary>
/// <param name="CoreId">The core that made it.</param>
/// <param name="ExceptionLevel">The core's exception level at the time (LDTR/STTR at EL1 report 1).</param>
/// <param name="VirtualAddress">The virtual address the instruction used.</param>
/// <param name="IntermediateAddress">The intermediate physical address when stage 2 was on, else null.</param>
/// <param name="PhysicalAddress">The physical address accessed.</param>
/// <param name="Size">The access size in bytes (1, 2, 4 or 8).</param>
/// <param name="IsWrite">True for a write, false for a read.</param>
public readonly record struct MemoryAccess(
    int CoreId,
    int ExceptionLevel,
    ulong VirtualAddress,
    ulong? IntermediateAddress,
    ulong PhysicalAddress,
    int Size,
    bool IsWrite);
