using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Memory;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Dma;

/// <summary>The hypervisor's SMMU driver: a stream table in its own RAM, one device-private stage-2 table per stream (IOVA = the owner's
/// IPA), and the SMMU's registers written over the bus; every change to an STE or a table is followed by the invalidation it needs.</summary>
/// <remarks>Why device-private tables rather than the owner's CPU stage 2: the spec's <c>dmaReach</c> starts empty and grows one page at a
/// time by <c>dmaMap</c>, and DMA-1 allows a device only pages its owner owns exclusively, so a page the owner lends (still in its stage 2)
/// must not be reachable by DMA. A private table holds exactly the pages mapped for the device.</remarks>
public sealed class SmmuDriver
{
    /// <summary>The size of the DMA table pool (it starts after the CPU stage-2 pool: <see cref="PlatformFit.SmmuPoolBase"/>) (the stream table page plus each stream's table pages).</summary>
    public const ulong PoolSize = 1UL << 20;

    private readonly Machine machine;
    private readonly Stage2Tables[] tables;
    private readonly HashSet<ulong>[] mapped;

    /// <summary>Allocates the stream table and one empty table per stream; every stream aborts until <see cref="Translate"/>.</summary>
    public SmmuDriver(Machine machine, Platform platform)
    {
        this.machine = machine;
        Smmu = machine.Smmu ?? throw new InvalidOperationException("the machine has no SMMU");
        var pool = new TablePool(machine.Bus.Ram, PlatformFit.SmmuPoolBase(platform), PoolSize);
        StreamTableBase = pool.Allocate();
        var count = DmaStreams.CountOf(platform);
        tables = [.. Enumerable.Range(0, count).Select(s => new Stage2Tables(Spec.Model.Component.Hypervisor, DmaStreams.VmidOf(s), pool))];
        mapped = [.. Enumerable.Range(0, count).Select(_ => new HashSet<ulong>())];
        for (var s = 0; s < count; s++)
            SmmuStreamTableEntry.Aborting.Write(Ram, StreamTableBase, s);
        Write(SmmuRegister.StreamTableBase, StreamTableBase);
        Command(SmmuCommand.InvalidateAllStreamEntries);
        Command(SmmuCommand.InvalidateAll);
        Write(SmmuRegister.Control, 1);
    }

    /// <summary>The SMMU it drives.</summary>
    public Smmu Smmu { get; }

    /// <summary>The stream table's physical address.</summary>
    public ulong StreamTableBase { get; }

    /// <summary>A stream's private table.</summary>
    public Stage2Tables TableOf(int stream) => tables[stream];

    /// <summary>The IOVA pages mapped in a stream's table.</summary>
    public IReadOnlyCollection<ulong> MappedIovas(int stream) => mapped[stream];

    /// <summary>Points a stream at its private table (stage-2 translation with its VMID) and drops the SMMU's cached STE.</summary>
    public void Translate(int stream) =>
        SetEntry(stream, SmmuStreamTableEntry.Translating(tables[stream].Vmid, HypervisorLayout.Vtcr, tables[stream].Root));

    /// <summary>Makes every transaction of a stream abort and drops the SMMU's cached STE.</summary>
    public void Abort(int stream) => SetEntry(stream, SmmuStreamTableEntry.Aborting);

    /// <summary>Lets a stream's transactions through untranslated (a seeded bug only).</summary>
    public void Bypass(int stream) => SetEntry(stream, SmmuStreamTableEntry.Bypassing);

    /// <summary>Maps one IOVA page of a stream to a physical page, read/write, never executable (nothing to invalidate: faults are not cached).</summary>
    public void Map(int stream, ulong iova, ulong physicalAddress)
    {
        tables[stream].Map(iova, physicalAddress, Stage2Descriptor.NormalMemory | Stage2Descriptor.Read | Stage2Descriptor.Write
            | Stage2Descriptor.InnerShareable | Stage2Descriptor.ExecuteNever);
        mapped[stream].Add(iova);
    }

    /// <summary>Removes one IOVA page of a stream and, unless told not to, invalidates its TLB entry (CMD_TLBI_S2_IPA).</summary>
    public void Unmap(int stream, ulong iova, bool invalidate)
    {
        tables[stream].Unmap(iova);
        mapped[stream].Remove(iova);
        if (invalidate)
            Command(SmmuCommand.InvalidateAddress, tables[stream].Vmid, iova);
    }

    /// <summary>Removes every mapping of a stream and, unless told not to, invalidates all of its VMID's TLB entries.</summary>
    public void Clear(int stream, bool invalidate)
    {
        foreach (var iova in mapped[stream].ToList())
            tables[stream].Unmap(iova);
        mapped[stream].Clear();
        if (invalidate)
            Command(SmmuCommand.InvalidateVmid, tables[stream].Vmid);
    }

    /// <summary>Whether a stream's table maps an IOVA page to a given physical page.</summary>
    public bool Maps(int stream, ulong iova, ulong physicalAddress) =>
        tables[stream].Translate(machine.Bus, iova) is { Fault: null } walk && walk.OutputAddress == physicalAddress;

    /// <summary>Resets a device's DMA engine through its control register (its registers may hold the previous owner's addresses).</summary>
    public void ResetDevice(ulong mmioBase) => machine.Bus.TryWriteDevice(0, mmioBase + (ulong)DmaMasterRegister.Control, 8, DmaMaster.ResetCommand);

    private RamRegion Ram => machine.Bus.Ram;

    private void SetEntry(int stream, SmmuStreamTableEntry entry)
    {
        entry.Write(Ram, StreamTableBase, stream);
        Command(SmmuCommand.InvalidateStreamEntry, (ulong)stream);
    }

    private void Command(SmmuCommand command, ulong argument0 = 0, ulong argument1 = 0)
    {
        Write(SmmuRegister.CommandArgument0, argument0);
        Write(SmmuRegister.CommandArgument1, argument1);
        Write(SmmuRegister.Command, (ulong)command);
        Write(SmmuRegister.Command, (ulong)SmmuCommand.Sync);
    }

    private void Write(SmmuRegister register, ulong value) => machine.Bus.TryWriteDevice(0, PlatformMap.SmmuBase + (ulong)register, 8, value);
}
