using Persona.Arm.Cpu;
using Persona.Hypervisor.Vcpu;
using Persona.Spec;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Persona.Spec.Terms;

namespace Persona.Hypervisor.Validation;

/// <summary>Checks every trap and world switch against the spec: abstracts the machine (stage-2 tables, TLBs, device mappings,
/// ownership metadata, saved contexts, live registers) to a spec state, checks that the step is the spec operation for the trap,
/// and that every rule holds. It reads the spec's single definitions through <see cref="ConcreteSpec"/> and the <see cref="Evaluator"/>.</summary>
public sealed partial class Validator : ITrapObserver
{
    private readonly Hypervisor hypervisor;
    private readonly SpecModel model;
    private readonly World world;
    private readonly ConcreteSpec spec;
    private readonly IReadOnlyList<(RuleFootprint Footprint, Term<bool> Term)> rules;
    private readonly ulong[]?[] leftWith = new ulong[]?[2];
    private readonly bool[] hasRun = new bool[2];
    private readonly bool[] savedAfterRunning = new bool[2];
    private ulong[]? entrySnapshot;
    private Component entryPersona;
    private ConcreteState current;
    private PageClasses? classes;
    private readonly ulong[][] touchedIpaPages = [[], []];

    /// <summary>A validator of the given hypervisor against the spec as written.</summary>
    public Validator(Hypervisor hypervisor) : this(hypervisor, SpecModel.Default)
    {
    }

    /// <summary>A validator against a given spec model (a spec mutant, to show that a changed definition changes the verdict).</summary>
    public Validator(Hypervisor hypervisor, SpecModel model)
    {
        this.hypervisor = hypervisor;
        this.model = model;
        world = PlatformWorld.Of(hypervisor.Platform);
        spec = new ConcreteSpec(model, world);
        rules = [.. model.Rules.Select(r => (RuleFootprint.Of(r), r.HoldsIn(State.Named("s"))))];
        current = spec.InitialState();
        reverse = [new(), new()];
    }

    /// <summary>The number of traps checked.</summary>
    public long Checked { get; private set; }

    /// <summary>The first violation found, or null.</summary>
    public Violation? FirstViolation { get; private set; }

    /// <summary>Whether a violation stops the machine (true by default).</summary>
    public bool StopOnViolation { get; init; } = true;

    /// <summary>The spec state the machine currently abstracts to.</summary>
    public ConcreteState Current => current;

    /// <summary>Checks the booted machine against the spec's initial state on every page and device, and every rule on every page.</summary>
    public void CheckBoot()
    {
        foreach (var persona in HypervisorLayout.Personas)
        {
            foreach (var ipaPage in hypervisor.TablesOf(persona).MappedIpaPages())
                Rewalk(persona, ipaPage);
        }
        Check("boot", ReplayPersistedHistory(), "the initial state", current, world.Pages, fullRuleCheck: true);
    }

    /// <inheritdoc/>
    public void OnTrapEntry(Core core, Component persona)
    {
        entryPersona = persona;
        entrySnapshot = SavedRegisters.Capture(core);
        // Guest stores are not traps: a channel page that now holds data the spec does not know of was written by a persona
        // mapping it, which is the spec's postNotification (the declared flow).
        notesPosted.Clear();
        var content = (MapValue)current[Fields.Content.Name];
        foreach (var (frame, loan) in hypervisor.LentPages)
        {
            if ((int)content.Get(frame) == (int)Label.Zero && !IsZero(frame))
                notesPosted.Add(SpecStep.Of("postNotification", true, ("who", loan.Borrower), ("p", frame)));
        }
    }

    private readonly List<SpecStep> notesPosted = [];

    /// <inheritdoc/>
    public void OnTrapHandled(Core core, TrapRecord trap)
    {
        if (FirstViolation is not null)
            return;
        Checked++;
        var evidence = new List<string>();
        // The persona ran since the last trap: its data is in the live registers (the spec's compute).
        var steps = new List<SpecStep>();
        if (trap.Core == 0)
            steps.Add(SpecStep.Of("compute", true, ("who", entryPersona)));
        steps.AddRange(notesPosted);
        steps.AddRange(trap.Steps);
        var expected = current;
        foreach (var step in steps)
        {
            var (after, succeeded) = spec.Apply(model.Operation(step.Operation), expected, step.Arguments);
            if (succeeded != step.Succeeded)
            {
                evidence.Add($"the hypervisor {(step.Succeeded ? "performed" : "refused")} {step} but the spec's guard {(succeeded ? "allows" : "refuses")} it");
            }
            expected = after;
        }
        if (trap.Core == 0)
            hasRun[(int)entryPersona] = true;
        CheckSecondaryCoreStep(trap, evidence);
        if (trap.IsWorldSwitch && trap.Core == 0 && entrySnapshot is not null)
        {
            CheckRestoredRegisters(core, evidence);
            leftWith[(int)entryPersona] = entrySnapshot;
            savedAfterRunning[(int)entryPersona] = true;
        }
        var footprint = new HashSet<long>(steps.SelectMany(s => s.Pages));
        foreach (var persona in HypervisorLayout.Personas)
        {
            touchedIpaPages[(int)persona] = hypervisor.TablesOf(persona).DrainTouched();
            foreach (var ipaPage in touchedIpaPages[(int)persona])
                footprint.UnionWith(Rewalk(persona, ipaPage));
        }
        Check(trap.ToString(), evidence, string.Join("; ", steps), expected, [.. footprint], fullRuleCheck: false);
    }

    private void Check(string trap, List<string> evidence, string operation, ConcreteState expected, IReadOnlyList<long> pages, bool fullRuleCheck)
    {
        var footprint = new List<long>(pages);
        var abstracted = Abstract(expected, footprint, evidence);
        if (classes is null)
            classes = new PageClasses(world.Pages, abstracted, world.Devices.Count);
        else
            classes.Touch(footprint);
        var wholeWorld = world with { Pages = classes.Representatives() };
        var changed = ChangedGlobalFields(current, abstracted);
        var broken = new List<string>();
        var restricted = world with { Pages = footprint };
        foreach (var (rule, term) in rules)
        {
            var checkWorld = fullRuleCheck || rule.NeedsAllPages(changed) ? wholeWorld : restricted;
            var evaluator = new Evaluator(checkWorld, new Dictionary<string, ConcreteState> { ["s"] = abstracted });
            if (!evaluator.IsTrue(term))
                broken.Add(rule.Rule.Id);
        }
        broken.AddRange(RulesBrokenOnSecondaryCores(abstracted, restricted, evidence));
        current = abstracted;
        if (evidence.Count == 0 && broken.Count == 0)
            return;
        if (evidence.Count > MaxEvidenceLines)
            evidence = [.. evidence.Take(MaxEvidenceLines), $"... and {evidence.Count - MaxEvidenceLines} more differences of the same kind"];
        FirstViolation = new Violation(trap, operation, broken, evidence);
        if (StopOnViolation)
            hypervisor.Machine.PowerOffSystem(0);
    }

    /// <summary>How many evidence lines a report keeps (a wrong VMID differs on every page).</summary>
    private const int MaxEvidenceLines = 24;

    private static readonly string[] GlobalFields =
        [.. Fields.All.Select(f => f.Name).Where(n => !RuleFootprint.PageIndexedFields.Contains(n))];

    private static HashSet<string> ChangedGlobalFields(ConcreteState before, ConcreteState after) =>
        [.. GlobalFields.Where(f => !ReferenceEquals(before[f], after[f]) && !before[f].Equals(after[f]))];
}
