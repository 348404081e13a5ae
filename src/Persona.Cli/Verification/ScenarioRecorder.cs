using Persona.Arm.Cpu;
using Persona.Hypervisor;
using Persona.Spec.Model;

namespace Persona.Cli.Verification;

/// <summary>Records what the report draws from a validated run: trap counts by class and persona, and page-ownership snapshots.</summary>
/// <remarks>It reads only the hypervisor's public state after each trap, and changes nothing, so it cannot alter what the validator sees.</remarks>
public sealed class ScenarioRecorder : ITrapObserver
{
    private readonly Hypervisor.Hypervisor hypervisor;
    private readonly Dictionary<(TrapClass Class, string Detail), long[]> tallies = [];
    private readonly OwnershipRecorder ownership;
    private long traps;
    private long worldSwitches;
    private long ownershipChanges;

    /// <summary>A recorder for a booted hypervisor; it takes the boot snapshot of ownership now.</summary>
    public ScenarioRecorder(Hypervisor.Hypervisor hypervisor)
    {
        this.hypervisor = hypervisor;
        ownership = new OwnershipRecorder(hypervisor.Platform, hypervisor.Ownership);
        ownership.Snapshot(0, "boot", hypervisor.Foreground);
    }

    /// <summary>The ownership snapshots so far.</summary>
    public OwnershipTimeline Timeline => ownership.Timeline;

    /// <summary>The trap statistics so far, with the validator's count.</summary>
    public TrapStatistics Statistics(long validated) => new(
        [.. tallies.OrderBy(t => t.Key.Class).ThenByDescending(t => t.Value[0] + t.Value[1]).ThenBy(t => t.Key.Detail, StringComparer.Ordinal)
            .Select(t => new TrapTally(t.Key.Class, t.Key.Detail, t.Value[0], t.Value[1]))],
        traps, worldSwitches, ownershipChanges, validated);

    /// <inheritdoc/>
    public void OnTrapEntry(Core core, Component persona)
    {
    }

    /// <inheritdoc/>
    public void OnTrapHandled(Core core, TrapRecord trap)
    {
        traps++;
        var key = TrapClassifier.Classify(trap, hypervisor.Platform);
        if (!tallies.TryGetValue(key, out var counts)) tallies[key] = counts = new long[2];
        // Only the personas trap; a hypervisor-labelled trap would be a hypervisor bug, counted with personal rather than lost.
        counts[trap.Persona == Component.Work ? 1 : 0]++;
        // Only a world switch or a step naming pages can move ownership, so only those pay for a snapshot (a scan of the metadata).
        var paging = trap.Steps.Where(s => s.Succeeded && s.Pages.Any()).Select(s => s.Operation).Distinct().ToList();
        if (trap.IsWorldSwitch) worldSwitches++;
        if (trap.IsWorldSwitch || paging.Count > 0)
        {
            var cause = string.Join(", ", paging.Append(trap.IsWorldSwitch ? $"switch to {hypervisor.Foreground}" : null).OfType<string>());
            if (ownership.Snapshot(trap.Sequence, cause, hypervisor.Foreground)) ownershipChanges++;
        }
    }
}
