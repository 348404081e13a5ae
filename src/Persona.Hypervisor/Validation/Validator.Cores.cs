using Persona.Arm.Cpu;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The secondary cores: the spec's foreground, liveContext and savedContext describe one core, so each secondary core is
/// checked on its own reading of them (the persona its VTTBR_EL2 selects, its live registers, its saved vCPU contexts) with the
/// handset's other fields; a secondary trap is the spec's compute for the persona that core ran.</summary>
public sealed partial class Validator
{
    private static readonly HashSet<string> ContextFields = [Fields.Foreground.Name, Fields.LiveContext.Name, Fields.SavedContext.Name];

    private bool[][]? hasRunOn;
    private bool[][]? savedAfterRunningOn;
    private ulong[]?[][]? leftWithOn;
    private Component?[]? lastSeenOn;

    private void EnsureCoreTracking()
    {
        if (hasRunOn is not null)
            return;
        var n = hypervisor.CoreCount;
        hasRunOn = [.. Enumerable.Range(0, n).Select(_ => new bool[2])];
        savedAfterRunningOn = [.. Enumerable.Range(0, n).Select(_ => new bool[2])];
        leftWithOn = [.. Enumerable.Range(0, n).Select(_ => new ulong[]?[2])];
        lastSeenOn = new Component?[n];
    }

    /// <summary>The spec steps that non-volatile state says happened before this boot (a wipe journaled before a power loss), applied
    /// to the initial state; a step the spec refuses is evidence.</summary>
    private List<string> ReplayPersistedHistory()
    {
        var evidence = new List<string>();
        foreach (var step in hypervisor.PersistedHistory)
        {
            var (after, succeeded) = spec.Apply(model.Operation(step.Operation), current, step.Arguments);
            if (!succeeded)
                evidence.Add($"the non-volatile wipe journal implies {step} happened before this boot, but the spec's guard refuses it");
            current = after;
        }
        return evidence;
    }

    /// <summary>A trap on a secondary core: the persona that ran there computed before the trap (the spec's guard must allow it on
    /// that core's reading of the state before the trap), and if the core left it, its registers at entry are what it must get back.</summary>
    private void CheckSecondaryCoreStep(TrapRecord trap, List<string> evidence)
    {
        if (trap.Core == 0)
            return;
        EnsureCoreTracking();
        var k = trap.Core;
        var who = entryPersona;
        var onCore = current.With(new Dictionary<string, object> { [Fields.Foreground.Name] = (int)who });
        var (_, allowed) = spec.Apply(model.Operation("compute"), onCore, SpecStep.Of("compute", true, ("who", who)).Arguments);
        if (!allowed)
            evidence.Add($"core {k} ran {who} up to this trap, but the spec's compute guard refuses it (workRunnable {current[Fields.WorkRunnable.Name]})");
        hasRunOn![k][(int)who] = true;
        if (PersonaOnCore(k) != who && entrySnapshot is not null)
        {
            leftWithOn![k][(int)who] = entrySnapshot;
            snapshotKept = true;
            savedAfterRunningOn![k][(int)who] = true;
        }
    }

    /// <summary>The persona a core runs, read from the machine: powered on, and the stage-2 tables its VTTBR_EL2 selects (null: parked).</summary>
    private Component? PersonaOnCore(int coreId)
    {
        var core = hypervisor.CoreAt(coreId);
        return core.IsPoweredOn ? PersonaOfVttbr(core.ReadSystemRegister(SystemRegister.VttbrEl2)) : null;
    }

    /// <summary>Evaluates the rules that read the context fields on every secondary core's reading of them; returns the broken rules.</summary>
    private List<string> RulesBrokenOnSecondaryCores(ConcreteState abstracted, World restricted, List<string> evidence)
    {
        var broken = new List<string>();
        if (hypervisor.CoreCount < 2)
            return broken;
        EnsureCoreTracking();
        for (var k = 1; k < hypervisor.CoreCount; k++)
        {
            var core = hypervisor.CoreAt(k);
            var vttbr = core.ReadSystemRegister(SystemRegister.VttbrEl2);
            var persona = PersonaOnCore(k);
            if (core.IsPoweredOn && persona is null)
                evidence.Add($"core {k} runs with VTTBR_EL2 0x{vttbr:x}, which selects neither persona's stage-2 tables");
            if (persona is { } p && (ushort)((vttbr >> 48) & 0xFF) != HypervisorLayout.VmidOf(p))
                evidence.Add($"core {k}'s VTTBR_EL2 0x{vttbr:x} runs {p} without its own VMID {HypervisorLayout.VmidOf(p)}");
            if (persona is { } to && persona != lastSeenOn![k])
                CheckRestoredRegistersOn(core, to, evidence);
            lastSeenOn![k] = persona;
            var saved = (MapValue)abstracted[Fields.SavedContext.Name];
            foreach (var owner in HypervisorLayout.Personas)
            {
                var context = hypervisor.SavedContextOf(owner, k);
                var whose = context is null ? null : PersonaOfVttbr(context[SavedRegisters.IndexOf(SystemRegister.VttbrEl2)]);
                saved = saved.Store((int)owner, whose is { } w && savedAfterRunningOn![k][(int)w] ? (int)Label.Personal + (int)w : (int)Label.Zero);
            }
            var reading = abstracted.With(new Dictionary<string, object>
            {
                [Fields.Foreground.Name] = (int)(persona ?? (Component)(int)abstracted[Fields.Foreground.Name]),
                [Fields.LiveContext.Name] = persona is { } runs && hasRunOn![k][(int)runs] ? (int)Label.Personal + (int)runs : (int)Label.Zero,
                [Fields.SavedContext.Name] = saved,
            });
            foreach (var (rule, term) in rules)
            {
                if (rule.Fields.Overlaps(ContextFields) && !term.IsTrue(restricted, "s", reading))
                    broken.Add($"{rule.Rule.Id} on core {k} (running {(persona is { } r ? r.ToString() : "nothing: parked")})");
            }
        }
        return broken;
    }

    /// <summary>A secondary core entered a persona: its registers must be exactly those that vCPU left with (X0 and ELR_EL2 aside, as on the boot core).</summary>
    private void CheckRestoredRegistersOn(Core core, Component incoming, List<string> evidence)
    {
        if (leftWithOn![core.CoreId][(int)incoming] is not { } left)
            return;
        var live = SavedRegisters.Capture(core);
        var elr = SavedRegisters.IndexOf(SystemRegister.ElrEl2);
        for (var i = 1; i < live.Length; i++)
        {
            if (i != elr && Differs(core.CoreId, incoming, live, left, i))
                evidence.Add($"core {core.CoreId} entered {incoming} with {SavedRegisters.NameOf(i)} 0x{live[i]:x}, but that vCPU left with 0x{left[i]:x}");
        }
    }
}
