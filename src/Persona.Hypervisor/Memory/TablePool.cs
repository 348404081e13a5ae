using Persona.Arm.Contracts;

namespace Persona.Hypervisor.Memory;

/// <summary>Hands out zeroed 4 KiB table pages from the hypervisor's table region of emulated RAM.</summary>
public sealed class TablePool(RamRegion ram, ulong baseAddress, ulong size)
{
    private readonly ulong end = baseAddress + size;
    private ulong next = baseAddress;

    /// <summary>The RAM the tables live in.</summary>
    public RamRegion Ram { get; } = ram;

    /// <summary>Allocates one zeroed table page and returns its physical address.</summary>
    public ulong Allocate()
    {
        if (next + HypervisorLayout.PageSize > end)
            throw new InvalidOperationException($"the stage-2 table pool ending at 0x{end:x} is exhausted");
        var page = next;
        next += HypervisorLayout.PageSize;
        Array.Clear(Ram.Bytes, (int)(page - Ram.Base), (int)HypervisorLayout.PageSize);
        return page;
    }
}
