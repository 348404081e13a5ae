using Persona.Arm.Contracts;
using Persona.Arm.Memory;

namespace Persona.Arm.Platform.Devices;

/// <summary>An SMMUv3-like I/O MMU: DMA masters' transactions are translated per stream ID through a stream table in RAM and
/// stage-2 tables (walked by the cores' own walker), with a configuration cache and a TLB that keep stale entries until a command
/// invalidates them.</summary>
/// <remarks>Deliberately kept from SMMUv3: the STE's V/Config/S2VMID/S2TTB meaning, the need for CFGI_STE after an STE changes
/// and for TLBI after a descriptor is removed (a missing invalidation is observable), the event types. Simplified: a linear
/// stream table of 32-byte entries, commands by register write, no stage 1, events kept in the model (and the last in registers).</remarks>
public sealed partial class Smmu : IMmioDevice
{
    private readonly IPhysicalBus bus;
    private readonly Dictionary<int, SmmuStreamTableEntry> configurationCache = [];
    private readonly Dictionary<(ushort Vmid, ulong Page), (ulong Frame, PagePermissions Permissions)> tlb = [];
    private readonly List<SmmuEvent> events = [];
    private ulong argument0;
    private ulong argument1;

    /// <summary>An SMMU decoding <paramref name="streamCount"/> stream IDs, reading its tables from <paramref name="bus"/>; it starts disabled.</summary>
    public Smmu(IPhysicalBus bus, int streamCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(streamCount);
        this.bus = bus;
        StreamCount = streamCount;
    }

    /// <summary>The number of stream IDs.</summary>
    public int StreamCount { get; }

    /// <summary>Whether translation is on (CR0.SMMUEN).</summary>
    public bool Enabled { get; private set; }

    /// <summary>The stream table's physical address (STRTAB_BASE).</summary>
    public ulong StreamTableBase { get; private set; }

    /// <summary>Every event recorded since reset, oldest first.</summary>
    public IReadOnlyList<SmmuEvent> Events => events;

    /// <summary>Translates one DMA access of a stream; a fault records an event and returns it (the access must not reach memory).</summary>
    public SmmuTranslation Translate(int streamId, ulong iova, bool isWrite)
    {
        if (streamId < 0 || streamId >= StreamCount)
            return Fault(SmmuEventType.BadStreamId, streamId, iova, isWrite, default);
        if (!Enabled)
            return Fault(SmmuEventType.StreamAborted, streamId, iova, isWrite, default);
        var entry = EffectiveEntry(streamId);
        if (!entry.Valid)
            return Fault(SmmuEventType.BadStreamEntry, streamId, iova, isWrite, entry);
        switch (entry.Config)
        {
            case SmmuStreamConfig.Abort:
                return Fault(SmmuEventType.StreamAborted, streamId, iova, isWrite, entry);
            case SmmuStreamConfig.Bypass:
                return new SmmuTranslation(iova, null);
            case SmmuStreamConfig.Stage2:
                break;
            default:
                return Fault(SmmuEventType.BadStreamEntry, streamId, iova, isWrite, entry);
        }
        var page = iova >> 12;
        if (!tlb.TryGetValue((entry.Vmid, page), out var cached))
        {
            var walk = TranslationTableWalker.WalkStage2(bus, 0, entry.Regime, iova);
            if (walk.Fault is { } fault)
                return Fault(EventOf(fault.Status), streamId, iova, isWrite, entry);
            cached = (walk.OutputAddress >> 12, walk.Permissions);
            tlb[(entry.Vmid, page)] = cached;
        }
        var needed = isWrite ? PagePermissions.PrivilegedWrite : PagePermissions.PrivilegedRead;
        if ((cached.Permissions & needed) == 0)
            return Fault(SmmuEventType.Permission, streamId, iova, isWrite, entry);
        return new SmmuTranslation((cached.Frame << 12) | (iova & 0xFFF), null);
    }

    /// <summary>The STE the SMMU uses for a stream now: its cached copy, or the one in RAM (which it then caches).</summary>
    public SmmuStreamTableEntry EffectiveEntry(int streamId)
    {
        if (configurationCache.TryGetValue(streamId, out var cached))
            return cached;
        var entry = SmmuStreamTableEntry.Read(bus.Ram, StreamTableBase, streamId);
        configurationCache[streamId] = entry;
        return entry;
    }

    /// <summary>The cached STE of a stream without filling the cache (null when none is cached): what a reader of the SMMU sees.</summary>
    public SmmuStreamTableEntry? CachedEntry(int streamId) => configurationCache.TryGetValue(streamId, out var e) ? e : null;

    /// <summary>The TLB entries of a VMID: IOVA page → physical frame (each still translates until invalidated).</summary>
    public IEnumerable<(ulong IovaPage, ulong Frame)> TlbEntries(ushort vmid) =>
        tlb.Where(e => e.Key.Vmid == vmid).Select(e => (e.Key.Page, e.Value.Frame));

    private SmmuTranslation Fault(SmmuEventType type, int streamId, ulong iova, bool isWrite, SmmuStreamTableEntry entry)
    {
        var record = new SmmuEvent(type, streamId, iova, isWrite, entry);
        events.Add(record);
        return new SmmuTranslation(0, record);
    }

    private static SmmuEventType EventOf(Cpu.FaultStatus status) => status switch
    {
        Cpu.FaultStatus.AccessFlag => SmmuEventType.AccessFlag,
        Cpu.FaultStatus.AddressSize => SmmuEventType.AddressSize,
        Cpu.FaultStatus.Permission => SmmuEventType.Permission,
        Cpu.FaultStatus.ExternalAbortOnWalk => SmmuEventType.WalkExternalAbort,
        _ => SmmuEventType.Translation,
    };
}
