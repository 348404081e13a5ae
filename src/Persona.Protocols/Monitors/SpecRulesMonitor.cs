using Persona.Protocols.Model;

namespace Persona.Protocols.Monitors;

/// <summary>Safety: after every step that changed the machine, the spec's rules (the same definitions the proofs use) hold on the abstract state.</summary>
public sealed class SpecRulesMonitor : Monitor
{
    private int checkedVersion = -1;

    [Start]
    private sealed class Watching : State;

    /// <inheritdoc/>
    protected override bool ObservesSteps => true;

    /// <summary>How many states the monitor evaluated the rules on (in this iteration).</summary>
    public int StatesChecked { get; private set; }

    /// <inheritdoc/>
    protected override void ObserveStep()
    {
        var machine = SharedState<HypervisorState>();
        if (machine.Version == checkedVersion) return;
        checkedVersion = machine.Version;
        StatesChecked++;
        var broken = RuleVerdicts.Broken(machine.Abstract());
        if (broken.Count > 0) Assert(false, $"spec rules broken: {string.Join(", ", broken)}");
    }
}
