using Persona.Arm.Cpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Tests;

/// <summary>Forwards every trap to the validator (when there is one) and keeps the trap records, so tests can see which core trapped and how.</summary>
internal sealed class TrapLog(ITrapObserver? inner) : ITrapObserver
{
    public List<TrapRecord> Traps { get; } = [];

    public void OnTrapEntry(Core core, Component persona) => inner?.OnTrapEntry(core, persona);

    public void OnTrapHandled(Core core, TrapRecord trap)
    {
        Traps.Add(trap);
        inner?.OnTrapHandled(core, trap);
    }

    /// <summary>Builds a run with a trap log between the hypervisor and its validator.</summary>
    public static (Arm.Platform.Machine Machine, Hypervisor Hypervisor, Validation.Validator? Validator, TrapLog Log) Build(Running.RunOptions options)
    {
        var (machine, hypervisor, validator) = Running.PersonaRun.Build(Spec.Platforms.DefaultPlatform.Load(), options);
        var log = new TrapLog(hypervisor.Observer);
        hypervisor.Observer = log;
        return (machine, hypervisor, validator, log);
    }
}
