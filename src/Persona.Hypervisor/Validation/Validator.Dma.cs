using System.Buffers.Binary;
using Persona.Arm.Memory;
using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Dma;
using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The abstraction of DMA: the SMMU itself (CR0, STRTAB_BASE, each stream's STE as the SMMU will use it, the tables behind it
/// walked with the emulator's walker, and its TLB) read into the spec's <c>dmaReach</c>.</summary>
/// <remarks>Sound on a footprint: after each check the spec's reach equals the machine's on every page, so a page whose reach differs
/// after a step is either one the step names or one the machine reached before or reaches now; those are the pages compared (and added
/// to the footprint the rules are evaluated on).</remarks>
public sealed partial class Validator
{
    private HashSet<long>[]? machineReachBefore;
    private static readonly HashSet<long> NoFrames = [];
    private static readonly Dictionary<long, string> NoDescriptions = [];

    /// <summary>Compares every device's DMA reach on the machine with the spec's expectation; the pages compared join the footprint.</summary>
    private void AbstractDmaReach(ConcreteState expected, List<long> pages, List<string> evidence)
    {
        var reach = (MapValue)expected[Fields.DmaReach.Name];
        var devices = hypervisor.Devices.Count;
        var firstCheck = machineReachBefore is null;
        machineReachBefore ??= [.. Enumerable.Range(0, devices).Select(_ => NoFrames)];
        // The steps changed no device's reach in the spec: where the machine's reach is also as it was, nothing can differ.
        var specUnchanged = !firstCheck && ReferenceEquals(reach, current[Fields.DmaReach.Name]);
        HashSet<long>? named = null;
        for (var d = 0; d < devices; d++)
        {
            var (now, how) = MachineReach(d);
            var before = machineReachBefore[d];
            machineReachBefore[d] = now;
            if (specUnchanged && (ReferenceEquals(now, before) || now.SetEquals(before)))
                continue;
            named ??= [.. pages];
            var specReach = (MapValue)reach.Get((long)d);
            var differing = new List<long>();
            var corrected = new Dictionary<object, object>();
            var candidates = named;
            if (now.Count > 0 || before.Count > 0)
            {
                candidates = [.. named];
                candidates.UnionWith(before);
                candidates.UnionWith(now);
            }
            foreach (var page in candidates)
            {
                if (!hypervisor.Ownership.Covers(page))
                    continue;
                var machine = now.Contains(page);
                if ((bool)specReach.Get(page) != machine)
                {
                    differing.Add(page);
                    corrected[page] = machine;
                }
                if (!named.Contains(page))
                {
                    named.Add(page);
                    pages.Add(page);
                }
            }
            if (differing.Count > 0)
            {
                // One table of corrections (a stream in bypass differs on every page: stores one by one would re-flatten the chain).
                reach = reach.Store((long)d, new TableMap(specReach, corrected));
                differing.Sort();
                evidence.Add(DescribeReach(d, now, differing, how));
            }
        }
        changes[Fields.DmaReach.Name] = reach;
    }

    private string DescribeReach(int device, HashSet<long> now, List<long> differing, Dictionary<long, string> how)
    {
        var name = hypervisor.Devices.Describe(device).Name;
        var stream = DmaStreams.StreamOf(hypervisor.Platform, device);
        var entry = stream is { } s && hypervisor.Machine.Smmu is { } smmu ? EntryInUse(smmu, s).ToString() : "no stream";
        var examples = differing.Take(3).Select(p => now.Contains(p)
            ? $"reaches frame 0x{p:x} (PA 0x{p * 4096:x}) by {how.GetValueOrDefault(p, "bypass (IOVA = PA)")}"
            : $"no longer reaches frame 0x{p:x} (PA 0x{p * 4096:x})");
        return $"device {name} (stream {stream?.ToString() ?? "none"}, {entry}): DMA reach differs from the spec on {differing.Count} page(s): "
            + string.Join("; ", examples) + (differing.Count > 3 ? "; ..." : "");
    }

    /// <summary>The STE the SMMU uses for a stream: its cached copy if it holds one (a changed STE without CFGI_STE is not yet seen), else RAM's.</summary>
    private SmmuStreamTableEntry EntryInUse(Smmu smmu, int stream) =>
        smmu.CachedEntry(stream) ?? SmmuStreamTableEntry.Read(hypervisor.Machine.Bus.Ram, smmu.StreamTableBase, stream);

    /// <summary>The frames a device reaches by DMA on the machine now, each with how (descriptor or stale TLB entry).</summary>
    /// <remarks>The reach is a function of what the SMMU reads: the STE in use, the bytes of every table its walks visit, and the TLB
    /// entries of the STE's VMID. All of these are read again on every call and compared with the last reading of the stream; only
    /// when every byte is the same is the last reach returned (the same set, so the caller sees nothing changed) instead of walking again.</remarks>
    private (HashSet<long> Frames, Dictionary<long, string> How) MachineReach(int device)
    {
        // A device that reaches nothing (no stream, the SMMU off, an aborting or invalid entry) costs no allocation: most traps see only those.
        if (DmaStreams.StreamOf(hypervisor.Platform, device) is not { } stream || hypervisor.Machine.Smmu is not { Enabled: true } smmu)
            return (NoFrames, NoDescriptions);
        var ram = hypervisor.Machine.Bus.Ram;
        var entry = EntryInUse(smmu, stream);
        if (!entry.Valid || entry.Config is not (SmmuStreamConfig.Bypass or SmmuStreamConfig.Stage2))
            return (NoFrames, NoDescriptions);
        streamReadings ??= new StreamReading?[hypervisor.Devices.Count];
        var tlb = entry.Config == SmmuStreamConfig.Stage2 ? [.. smmu.TlbEntries(entry.Vmid)] : Array.Empty<(ulong, ulong)>();
        if (streamReadings[device] is { } last && last.IsStill(ram, entry, tlb))
            return (last.Frames, last.How);
        var frames = new HashSet<long>();
        var how = new Dictionary<long, string>();
        var visited = new List<(ulong Table, byte[] Bytes)>();
        if (entry.Config == SmmuStreamConfig.Bypass)
        {
            // Every frame, each reached at IOVA = PA (the description's default when a frame has no entry in how).
            for (var f = hypervisor.Ownership.FirstFrame; f < hypervisor.Ownership.FirstFrame + hypervisor.Ownership.Count; f++)
                frames.Add(f);
        }
        else
        {
            foreach (var (iova, descriptor) in Leaves(ram, entry, visited))
            {
                var walk = TranslationTableWalker.WalkStage2(hypervisor.Machine.Bus, 0, entry.Regime, iova);
                if (walk.Fault is not null || (walk.Permissions & (PagePermissions.PrivilegedRead | PagePermissions.PrivilegedWrite)) == 0)
                    continue;
                var frame = (long)(walk.OutputAddress / HypervisorLayout.PageSize);
                if (frames.Add(frame))
                    how[frame] = $"IOVA 0x{iova:x} (descriptor 0x{descriptor:x})";
            }
            foreach (var (iovaPage, frame) in tlb)
            {
                if (frames.Add((long)frame))
                    how[(long)frame] = $"a stale SMMU TLB entry (VMID {entry.Vmid}, IOVA 0x{iovaPage * HypervisorLayout.PageSize:x})";
            }
        }
        streamReadings[device] = new StreamReading(entry, tlb, visited, frames, how);
        return (frames, how);
    }

    private StreamReading?[]? streamReadings;

    /// <summary>What one device's stream read on the SMMU, and the reach it gave.</summary>
    private sealed record StreamReading(SmmuStreamTableEntry Entry, (ulong IovaPage, ulong Frame)[] Tlb, List<(ulong Table, byte[] Bytes)> Tables,
        HashSet<long> Frames, Dictionary<long, string> How)
    {
        /// <summary>Whether the SMMU would read exactly the same now: the same STE, TLB entries and table bytes.</summary>
        public bool IsStill(Arm.Contracts.RamRegion ram, SmmuStreamTableEntry entry, (ulong, ulong)[] tlb)
        {
            if (entry != Entry || !tlb.AsSpan().SequenceEqual(Tlb))
                return false;
            foreach (var (table, bytes) in Tables)
            {
                if (!ram.Bytes.AsSpan((int)(table - ram.Base), bytes.Length).SequenceEqual(bytes))
                    return false;
            }
            return true;
        }
    }

    /// <summary>Every valid leaf of a stage-2 table tree (4 KiB granule, starting level from S2VTCR.SL0): IOVA page and descriptor. Each
    /// table read joins <paramref name="visited"/> with a copy of the bytes read.</summary>
    private static List<(ulong Iova, ulong Descriptor)> Leaves(Arm.Contracts.RamRegion ram, SmmuStreamTableEntry entry, List<(ulong Table, byte[] Bytes)> visited)
    {
        var leaves = new List<(ulong Iova, ulong Descriptor)>();
        var t0sz = Math.Clamp((int)(entry.Word2 & 63), 16, 39);
        var inputSize = 64 - t0sz;
        var startLevel = ((entry.Word2 >> 6) & 3) switch { 0 => 2, 1 => 1, 2 => 0, _ => -1 };
        if (startLevel < 0)
            return leaves;
        var startEntries = 1UL << Math.Clamp(inputSize - TranslationTableWalker.LevelShift(startLevel), 0, 13);
        var pending = new Stack<(ulong Table, int Level, ulong Entries, ulong Prefix)>();
        pending.Push((entry.TableBase, startLevel, startEntries, 0));
        while (pending.Count > 0)
        {
            var (table, level, entries, prefix) = pending.Pop();
            ulong i = 0;
            for (; i < entries; i++)
            {
                var address = table + (i * 8);
                if (!ram.Contains(address, 8))
                    break;
                var descriptor = BinaryPrimitives.ReadUInt64LittleEndian(ram.Bytes.AsSpan((int)(address - ram.Base), 8));
                if ((descriptor & 1) == 0)
                    continue;
                var iova = prefix | (i << TranslationTableWalker.LevelShift(level));
                if (level < 3 && (descriptor & 2) != 0)
                    pending.Push((descriptor & 0x0000_FFFF_FFFF_F000, level + 1, 512, iova));
                else if (level == 3 && (descriptor & 2) != 0)
                    leaves.Add((iova, descriptor));
                else if (level is 1 or 2)
                {
                    // A block: every page in it.
                    for (ulong page = 0; page < 1UL << (TranslationTableWalker.LevelShift(level) - 12); page++)
                        leaves.Add((iova + (page << 12), descriptor));
                }
            }
            if (i > 0)
                visited.Add((table, ram.Bytes.AsSpan((int)(table - ram.Base), (int)(i * 8)).ToArray()));
        }
        return leaves;
    }
}
