using System.Collections.Frozen;

namespace Persona.Hypervisor.Costs;

/// <summary>What each hypervisor action costs in system-counter ticks, charged to the trapping core's virtual time after every trap.</summary>
/// <remarks>The emulator charges one tick per guest instruction (MachineOptions.TicksPerInstruction), so a tick here is one
/// instruction-equivalent of a native EL2 handler. The C# hypervisor itself takes no virtual time; without a model every trap
/// would cost the guest only its own instructions and guest-visible figures would say nothing about the hypervisor.</remarks>
/// <param name="TicksPerAction">The cost of one occurrence of each action; an action missing from the table is free.</param>
public sealed record CostModel(IReadOnlyDictionary<HypervisorAction, ulong> TicksPerAction)
{
    /// <summary>The model's assumptions, one line per action (see src/Persona.Hypervisor/Costs/README.md for the reasoning).</summary>
    /// <remarks>These are the model's own assumptions, counted as the instructions a lean native EL2 handler would execute on a
    /// Cortex-A57-class core; they are not measurements. DC ZVA zeroes one 64-byte block per instruction on Cortex-A57
    /// (DCZID_EL0.BS = 4, Cortex-A57 TRM), which fixes the scrub cost at 1.</remarks>
    public static CostModel Default { get; } = new(new Dictionary<HypervisorAction, ulong>
    {
        [HypervisorAction.ExceptionEntryAndReturn] = 60,
        [HypervisorAction.MmioEmulation] = 40,
        [HypervisorAction.GeneralRegisterTransfer] = 1,
        [HypervisorAction.SystemRegisterTransfer] = 2,
        [HypervisorAction.Stage2DescriptorWrite] = 8,
        [HypervisorAction.TlbInvalidationBroadcast] = 100,
        [HypervisorAction.Scrub64Bytes] = 1,
    }.ToFrozenDictionary());

    /// <summary>No cost at all: the hypervisor takes no virtual time (the behaviour before the model existed).</summary>
    public static CostModel Free { get; } = new(FrozenDictionary<HypervisorAction, ulong>.Empty);

    /// <summary>The ticks one occurrence of <paramref name="action"/> costs.</summary>
    public ulong TicksOf(HypervisorAction action) => TicksPerAction.TryGetValue(action, out var ticks) ? ticks : 0;

    /// <summary>The ticks a tally of actions costs.</summary>
    public ulong Charge(ActionTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ulong total = 0;
        foreach (var (action, count) in tally.Counts)
            total += TicksOf(action) * count;
        return total;
    }
}
