using Persona.Arm.Cpu;
using Persona.Arm.Memory;
using Persona.Arm.Platform;
using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The abstraction function: machine → spec state, on the pages a step touched and on every device and global field.</summary>
public sealed partial class Validator
{
    private readonly Stage2Reach[] reach;

    /// <summary>Re-walks one IPA page of a persona with the emulator's walker; returns the frames whose reachability may have changed.</summary>
    private List<long> Rewalk(Component persona, ulong ipaPage) => reach[(int)persona].Rewalk(ipaPage);

    private Core[]? cores;
    private readonly Dictionary<string, object> changes = [];
    private readonly MapValue[] statesOf = new MapValue[3];
    private readonly MapValue[] mappedOf = new MapValue[3];
    private static readonly object True = true;
    private static readonly object False = false;

    private ConcreteState Abstract(ConcreteState expected, List<long> pages, List<string> evidence, IReadOnlyList<FrameRun>? bootRuns = null)
    {
        changes.Clear();
        cores ??= [.. hypervisor.Machine.Cores.Select(c => ((InterpreterCore)c).Core)];
        var live = cores[0];
        var vttbr = live.ReadSystemRegister(SystemRegister.VttbrEl2);
        var personal = hypervisor.TablesOf(Component.Personal);
        var work = hypervisor.TablesOf(Component.Work);
        var vmidsCollide = personal.Vmid == work.Vmid;
        if (vmidsCollide)
        {
            evidence.Add($"both personas' VTTBR_EL2 carry VMID {personal.Vmid} (personal 0x{personal.Vttbr:x}, work 0x{work.Vttbr:x}): each one's TLB entries translate for the other");
            // One page of each persona is enough to show the consequence on the rules.
            foreach (var table in new[] { personal, work })
            {
                var any = reach[(int)table.Persona].AnyMappedFrame();
                if (any >= 0)
                    pages.Add(any);
            }
        }
        var staleTlb = StaleTlbFrames(cores, evidence);
        // The key store's page is always checked: destroying the key must leave it zero.
        var keyFrame = (long)(hypervisor.KeyAddress / HypervisorLayout.PageSize);
        if (!pages.Contains(keyFrame))
            pages.Add(keyFrame);
        foreach (var (_, frame) in staleTlb ?? [])
        {
            if (!pages.Contains(frame))
                pages.Add(frame);
        }

        AbstractDmaReach(expected, pages, evidence);
        AbstractPages(expected, pages, staleTlb, vmidsCollide, evidence, bootRuns);
        AbstractDevices(expected, evidence);
        AbstractContexts(expected, vttbr, evidence);
        AbstractWipe(expected, evidence);
        AbstractStorage(expected, evidence);
        return expected.With(changes);
    }

    /// <summary>The page-indexed fields on the footprint (and, at boot, on every run).</summary>
    private void AbstractPages(ConcreteState expected, List<long> pages, List<(Component Persona, long Frame)>? staleTlb, bool vmidsCollide,
        List<string> evidence, IReadOnlyList<FrameRun>? bootRuns)
    {
        var pageStates = (MapValue)expected[Fields.PageStates.Name];
        var mapped = (MapValue)expected[Fields.Mapped.Name];
        var content = (MapValue)expected[Fields.Content.Name];
        var poolOf = (MapValue)expected[Fields.PoolOf.Name];
        var channel = (MapValue)expected[Fields.ChannelPage.Name];
        var before = (MapValue)current[Fields.Content.Name];
        var beforeChannel = (MapValue)current[Fields.ChannelPage.Name];
        for (var i = 0; i < statesOf.Length; i++)
        {
            statesOf[i] = (MapValue)pageStates.Get(i);
            mappedOf[i] = (MapValue)mapped.Get(i);
        }
        var statesBefore = (MapValue[])statesOf.Clone();
        var mappedBefore = (MapValue[])mappedOf.Clone();
        if (bootRuns is not null)
            AbstractRuns(bootRuns, statesOf, mappedOf, ref content, ref poolOf, ref channel, vmidsCollide, pages, evidence);
        var ownership = hypervisor.Ownership;
        // A trap's footprint is a page or two; the boot's may be long.
        var seen = pages.Count > 16 ? new HashSet<long>(pages.Count) : null;
        for (var at = 0; at < pages.Count; at++)
        {
            var page = pages[at];
            if (seen is null ? pages.IndexOf(page) < at : !seen.Add(page))
                continue; // listed twice
            object key = page;
            for (var c = Component.Personal; c <= Component.Hypervisor; c++)
            {
                var i = (int)c;
                statesOf[i] = StoreIfDiffers(statesOf[i], key, (int)ownership.StateOf(c, page), PageStateNames[i], evidence);
                var isMapped = c != Component.Hypervisor && (MappedBy(c, page) || (vmidsCollide && MappedBy(HypervisorLayout.Other(c), page))
                    || (staleTlb is not null && staleTlb.Contains((c, page))));
                mappedOf[i] = StoreIfDiffers(mappedOf[i], key, isMapped, MappedNames[i], evidence);
            }
            var expectedLabel = (int)content.Get(key);
            if (expectedLabel == (int)Label.Zero && !IsZero(page))
            {
                var label = (int)before.Get(key) != (int)Label.Zero ? (int)before.Get(key)
                    : (bool)beforeChannel.Get(key) ? (int)Label.Notification
                    : (int)Label.Personal + (int)OwnerOf(page);
                evidence.Add($"frame 0x{page:x} (PA 0x{page * 4096:x}) should hold zeros but holds data: content {(Label)label}, spec {Label.Zero}");
                content = content.Store(key, label);
            }
            poolOf = StoreIfDiffers(poolOf, key, (int)ownership.PoolOf(page), "poolOf", evidence);
            channel = StoreIfDiffers(channel, key, ownership.IsChannel(page), "channelPage", evidence);
        }
        for (var i = 0; i < statesOf.Length; i++)
        {
            if (!ReferenceEquals(statesOf[i], statesBefore[i]))
                pageStates = pageStates.Store(i, statesOf[i]);
            if (!ReferenceEquals(mappedOf[i], mappedBefore[i]))
                mapped = mapped.Store(i, mappedOf[i]);
        }
        changes[Fields.PageStates.Name] = pageStates;
        changes[Fields.Mapped.Name] = mapped;
        changes[Fields.Content.Name] = content;
        changes[Fields.PoolOf.Name] = poolOf;
        changes[Fields.ChannelPage.Name] = channel;
    }

    private static readonly string[] PageStateNames = [.. Enum.GetValues<Component>().Select(c => $"pageState[{c}]")];
    private static readonly string[] MappedNames = [.. Enum.GetValues<Component>().Select(c => $"mapped[{c}]")];

    private bool MappedBy(Component persona, long frame) => reach[(int)persona].Maps(frame);

    /// <summary>The persona that owns (or lends) a frame, for labelling unscrubbed data.</summary>
    private Component OwnerOf(long frame) =>
        hypervisor.Ownership.StateOf(Component.Work, frame) is PageState.Owned or PageState.SharedOwned ? Component.Work : Component.Personal;

    private bool IsZero(long frame)
    {
        var ram = hypervisor.Machine.Bus.Ram;
        var span = ram.Bytes.AsSpan((int)(((ulong)frame * HypervisorLayout.PageSize) - ram.Base), (int)HypervisorLayout.PageSize);
        return !span.ContainsAnyExcept((byte)0);
    }

    /// <summary>TLB entries on any core that still translate a touched IPA page its tables no longer map (VA = IPA: the kernels run with the stage-1 MMU off).</summary>
    private List<(Component Persona, long Frame)>? StaleTlbFrames(Core[] cores, List<string> evidence)
    {
        List<(Component, long)>? stale = null;
        foreach (var persona in HypervisorLayout.Personas)
        {
            var tables = hypervisor.TablesOf(persona);
            foreach (var ipaPage in touchedIpaPages[(int)persona])
            {
                if (reach[(int)persona].FrameOf(ipaPage) >= 0)
                    continue;
                foreach (var core in cores)
                {
                    ref var entry = ref core.Tlb.Slot(ipaPage, Tlb.SaltFor(tables.Vmid, false));
                    if ((entry.Context & Tlb.ValidTag) != 0 && !entry.IsEl2Regime && entry.Vmid == tables.Vmid && entry.VirtualPage == ipaPage)
                    {
                        var frame = (long)(entry.PhysicalPage / HypervisorLayout.PageSize);
                        evidence.Add($"core {core.CoreId}'s TLB still maps {persona} IPA 0x{ipaPage * 4096:x} → PA 0x{entry.PhysicalPage:x} (VMID {tables.Vmid}) after its descriptor was removed");
                        (stale ??= []).Add((persona, frame));
                    }
                }
            }
        }
        return stale;
    }

    private static MapValue StoreIfDiffers(MapValue map, object page, int machine, string field, List<string> evidence)
    {
        var spec = map.Get(page);
        if (spec is int value && value == machine)
            return map;
        evidence.Add($"frame 0x{page:x} (PA 0x{(long)page * 4096:x}): {field} is {machine} on the machine, {spec} in the spec");
        return map.Store(page, machine);
    }

    private static MapValue StoreIfDiffers(MapValue map, object page, bool machine, string field, List<string> evidence)
    {
        var spec = map.Get(page);
        if (spec is bool value && value == machine)
            return map;
        evidence.Add($"frame 0x{page:x} (PA 0x{(long)page * 4096:x}): {field} is {machine} on the machine, {spec} in the spec");
        return map.Store(page, machine ? True : False);
    }
}
