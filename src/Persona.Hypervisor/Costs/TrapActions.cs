using System.Collections.Frozen;
using Persona.Arm.Cpu;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Costs;

/// <summary>Counts the actions a handled trap performed, from the hypervisor's own account of it (its <see cref="TrapRecord"/>).</summary>
/// <remarks>The handler records every spec operation it carried out; this table says which architectural actions this hypervisor
/// performs to carry each one out (Hypervisor.Hypercalls.cs, Hypervisor.Switch.cs, Hypervisor.Wipe.cs). Counting from the record
/// keeps the cost model to one hook in the trap dispatcher instead of counters threaded through every handler. A test checks that
/// every operation of the spec has a row, so a new operation cannot go uncharged silently.</remarks>
public static class TrapActions
{
    private const ulong PageScrubBlocks = HypervisorLayout.PageSize / 64;

    /// <summary>Per spec operation (carried out, not refused): the actions it costs on top of the trap itself.</summary>
    public static IReadOnlyDictionary<string, Action<SpecStep, Platform, ActionTally>> PerOperation { get; } =
        new Dictionary<string, Action<SpecStep, Platform, ActionTally>>
        {
            // A world switch saves the whole context (SavedRegisters) and restores the other persona's.
            ["switchTo"] = (_, _, t) =>
            {
                t.Add(HypervisorAction.GeneralRegisterTransfer, 2 * 31);
                t.Add(HypervisorAction.SystemRegisterTransfer, 2 * (ulong)(SavedRegisters.Count - 31));
            },
            // Lending a page: scrub it, map it into the borrower's stage 2.
            ["share"] = (_, _, t) => { t.Add(HypervisorAction.Scrub64Bytes, PageScrubBlocks); t.Add(HypervisorAction.Stage2DescriptorWrite); },
            // Taking it back: unmap from the borrower, invalidate its TLB entries, scrub.
            ["unshare"] = (_, _, t) => Unmap(t, pages: 1, scrub: true),
            ["donate"] = (_, _, t) => Unmap(t, pages: 1, scrub: true),
            ["reclaim"] = (_, _, t) => Unmap(t, pages: 1, scrub: true),
            // A device's register window is mapped page by page; taking it away also invalidates every page on every core.
            ["grant"] = (s, p, t) => t.Add(HypervisorAction.Stage2DescriptorWrite, WindowPages(s, p)),
            ["release"] = (s, p, t) => Unmap(t, WindowPages(s, p), scrub: false),
            ["wipeRevokeDevice"] = (s, p, t) => Unmap(t, WindowPages(s, p), scrub: false),
            // The device models quiesce at once: telling them costs the hypervisor nothing beyond the trap.
            ["quiesce"] = (_, _, _) => { },
            // An IOMMU entry is a descriptor like a stage-2 one; removing it needs an invalidation.
            ["dmaMap"] = (_, _, t) => t.Add(HypervisorAction.Stage2DescriptorWrite),
            ["dmaUnmap"] = (_, _, t) => Unmap(t, pages: 1, scrub: false),
            // Guest or device work the hypervisor does not perform.
            ["useDevice"] = (_, _, _) => { },
            ["dmaTransfer"] = (_, _, _) => { },
            ["writePartition"] = (_, _, _) => { },
            ["writePage"] = (_, _, _) => { },
            ["postNotification"] = (_, _, _) => { },
            ["compute"] = (_, _, _) => { },
            // The wipe: bookkeeping steps, then per work page an unmap and a scrub, the key zeroed, one VMID-wide invalidation.
            ["orderWipe"] = (_, _, _) => { },
            ["wipeStopWork"] = (_, _, _) => { },
            ["wipeReturnBorrowed"] = (_, _, t) => t.Add(HypervisorAction.Stage2DescriptorWrite),
            ["wipeScrubPage"] = (_, _, t) => { t.Add(HypervisorAction.Stage2DescriptorWrite); t.Add(HypervisorAction.Scrub64Bytes, PageScrubBlocks); },
            ["wipeDestroyKey"] = (_, _, t) => t.Add(HypervisorAction.Scrub64Bytes),
            ["wipeComplete"] = (_, _, t) => t.Add(HypervisorAction.TlbInvalidationBroadcast),
        }.ToFrozenDictionary();

    /// <summary>The actions one handled trap performed: entry and return, MMIO emulation for a data abort, and its operations' actions.</summary>
    /// <exception cref="InvalidOperationException">The trap carried out an operation the table has no row for.</exception>
    public static ActionTally Of(TrapRecord trap, Platform platform)
    {
        ArgumentNullException.ThrowIfNull(trap);
        var tally = new ActionTally();
        tally.Add(HypervisorAction.ExceptionEntryAndReturn);
        if ((ExceptionClass)(trap.Syndrome >> 26) == ExceptionClass.DataAbortLowerEl)
            tally.Add(HypervisorAction.MmioEmulation);
        foreach (var step in trap.Steps)
        {
            if (!step.Succeeded)
                continue;
            if (!PerOperation.TryGetValue(step.Operation, out var actions))
                throw new InvalidOperationException($"the cost model has no row for the spec operation '{step.Operation}' ({trap})");
            actions(step, platform, tally);
        }
        return tally;
    }

    private static void Unmap(ActionTally tally, ulong pages, bool scrub)
    {
        tally.Add(HypervisorAction.Stage2DescriptorWrite, pages);
        tally.Add(HypervisorAction.TlbInvalidationBroadcast, pages);
        if (scrub)
            tally.Add(HypervisorAction.Scrub64Bytes, pages * PageScrubBlocks);
    }

    private static ulong WindowPages(SpecStep step, Platform platform)
    {
        var device = (int)(long)step.Arguments["d"];
        var size = platform.Devices[device].Mmio.Size;
        return (size + HypervisorLayout.PageSize - 1) / HypervisorLayout.PageSize;
    }
}
