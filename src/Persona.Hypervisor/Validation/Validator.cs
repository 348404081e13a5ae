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
/// and that every rule holds. It reads the spec's single definitions through <see cref="ConcreteSpec"/> and their compiled reading <see cref="CompiledTerm"/>.</summary>
public sealed partial class Validator : ITrapObserver
{
    private readonly Hypervisor hypervisor;
    private readonly SpecModel model;
    private readonly World world;
    private readonly ConcreteSpec spec;
    private readonly IReadOnlyList<(RuleFootprint Footprint, CompiledTerm Term)> rules;
    private readonly Dictionary<string, Spec.Operations.Operation> operations;
    private readonly ulong[]?[] leftWith = new ulong[]?[2];
    private readonly bool[] hasRun = new bool[2];
    private readonly bool[] savedAfterRunning = new bool[2];
    private ulong[]? entrySnapshot;
    private bool snapshotKept;
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
        world = PlatformWorlds.Of(hypervisor.Platform);
        spec = new ConcreteSpec(model, world);
        rules = [.. model.Rules.Select(r => (RuleFootprint.Of(r), ConcreteSpec.Compiled(r)))];
        operations = model.Operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        current = spec.InitialState();
        reach = [.. HypervisorLayout.Personas.Select(p => new Stage2Reach(hypervisor.TablesOf(p), hypervisor.Machine.Bus, hypervisor.Ownership))];
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
    /// <remarks>Pages are read run by run (<see cref="BootRuns"/>) and rules checked on one page per class (<see cref="PageClasses"/>).</remarks>
    public void CheckBoot()
    {
        foreach (var persona in HypervisorLayout.Personas)
        {
            reach[(int)persona].WalkAll();
            // The walk read every descriptor, so the descriptors the boot wrote need no re-walk at the first trap.
            hypervisor.TablesOf(persona).DrainTouched();
        }
        // The history a non-volatile wipe journal implies is applied to the initial state before it is compared (argument order matters).
        var history = ReplayPersistedHistory();
        var bootRuns = BootRuns();
        Check(() => "boot", history, () => "the initial state", current, [], fullRuleCheck: true, bootRuns);
    }

    /// <inheritdoc/>
    public void OnTrapEntry(Core core, Component persona)
    {
        entryPersona = persona;
        // The registers at entry are kept only when the trap leaves the persona (a world switch); otherwise the buffer is reused.
        entrySnapshot = SavedRegisters.CaptureInto(core, snapshotKept ? null : entrySnapshot);
        snapshotKept = false;
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

    /// <summary>The spec's compute step for each component, made once (steps are immutable).</summary>
    private static readonly SpecStep[] ComputeSteps = [.. Enum.GetValues<Component>().Select(c => SpecStep.Of("compute", true, ("who", c)))];

    /// <inheritdoc/>
    public void OnTrapHandled(Core core, TrapRecord trap)
    {
        if (FirstViolation is not null)
            return;
        Checked++;
        var evidence = new List<string>();
        // The persona ran since the last trap: its data is in the live registers (the spec's compute).
        var steps = new List<SpecStep>(1 + notesPosted.Count + trap.Steps.Count);
        if (trap.Core == 0)
            steps.Add(ComputeSteps[(int)entryPersona]);
        steps.AddRange(notesPosted);
        steps.AddRange(trap.Steps);
        var expected = current;
        var footprint = new List<long>();
        foreach (var step in steps)
        {
            var (after, succeeded) = spec.Apply(operations.TryGetValue(step.Operation, out var operation) ? operation : model.Operation(step.Operation),
                expected, step.Arguments);
            if (succeeded != step.Succeeded)
            {
                evidence.Add($"the hypervisor {(step.Succeeded ? "performed" : "refused")} {step} but the spec's guard {(succeeded ? "allows" : "refuses")} it");
            }
            expected = after;
            if (step.Arguments.ContainsKey("p"))
                footprint.AddRange(step.Pages);
        }
        if (trap.Core == 0)
            hasRun[(int)entryPersona] = true;
        CheckSecondaryCoreStep(trap, evidence);
        if (trap.IsWorldSwitch && trap.Core == 0 && entrySnapshot is not null)
        {
            CheckRestoredRegisters(core, evidence);
            leftWith[(int)entryPersona] = entrySnapshot;
            savedAfterRunning[(int)entryPersona] = true;
            snapshotKept = true;
        }
        foreach (var persona in HypervisorLayout.Personas)
        {
            touchedIpaPages[(int)persona] = hypervisor.TablesOf(persona).DrainTouched();
            foreach (var ipaPage in touchedIpaPages[(int)persona])
                footprint.AddRange(Rewalk(persona, ipaPage));
        }
        // The descriptions are built only for a report: most traps pass, and formatting them would cost more than checking them.
        Check(trap.ToString, evidence, () => string.Join("; ", steps), expected, footprint.Count < 2 ? footprint : [.. footprint.Distinct()], fullRuleCheck: false);
    }

    private void Check(Func<string> trap, List<string> evidence, Func<string> operation, ConcreteState expected, IReadOnlyList<long> pages, bool fullRuleCheck,
        IReadOnlyList<FrameRun>? bootRuns = null)
    {
        var footprint = new List<long>(pages);
        var abstracted = Abstract(expected, footprint, evidence, bootRuns);
        if (classes is null)
        {
            classes = bootRuns is null ? new PageClasses(world.Pages, abstracted, world.Devices.Count) : new PageClasses(bootRuns, abstracted, world.Devices.Count);
            // Pages read one by one at boot (the key store, pages holding data) may differ from their run: check them individually.
            if (bootRuns is not null)
                classes.Touch(footprint);
        }
        else
        {
            classes.Touch(footprint);
        }
        var changed = abstracted.ChangedFieldMask(current);
        var changedGlobals = changed & ~RuleFootprint.PageIndexedFieldMask;
        var broken = new List<string>();
        World? wholeWorld = null;
        World? restricted = null;
        foreach (var (rule, term) in rules)
        {
            // A rule that held before and reads no field that changed still holds: its value is a function of the fields it reads.
            if (!fullRuleCheck && (rule.FieldMask & changed) == 0)
                continue;
            var checkWorld = fullRuleCheck || rule.NeedsAllPages(changedGlobals) ? wholeWorld ??= world with { Pages = classes.Representatives() }
                : restricted ??= world with { Pages = footprint };
            if (!term.IsTrue(checkWorld, "s", abstracted))
                broken.Add(rule.Rule.Id);
        }
        broken.AddRange(RulesBrokenOnSecondaryCores(abstracted, restricted ?? world with { Pages = footprint }, evidence));
        current = abstracted;
        if (evidence.Count == 0 && broken.Count == 0)
            return;
        if (evidence.Count > MaxEvidenceLines)
            evidence = [.. evidence.Take(MaxEvidenceLines), $"... and {evidence.Count - MaxEvidenceLines} more differences of the same kind"];
        FirstViolation = new Violation(trap(), operation(), broken, evidence);
        if (StopOnViolation)
            hypervisor.Machine.PowerOffSystem(0);
    }

    /// <summary>How many evidence lines a report keeps (a wrong VMID differs on every page).</summary>
    private const int MaxEvidenceLines = 24;

}
