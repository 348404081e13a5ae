using Persona.Arm.Platform;
using Persona.Hypervisor.Validation;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Running;

/// <summary>How to run the two personas: which hypervisor bugs to seed, what the work kernel does, whether to validate.</summary>
/// <param name="Mutants">Seeded hypervisor bugs (none by default).</param>
/// <param name="WorkMode">The work kernel's run mode.</param>
/// <param name="Validate">Whether the validator checks every trap and world switch.</param>
/// <param name="MaxInstructions">The instruction budget.</param>
/// <param name="WipeAtTrap">When set, IT orders a remote wipe carried out at the first personal trap from this trap number on.</param>
public sealed record RunOptions(
    HypervisorMutant Mutants = HypervisorMutant.None,
    WorkMode WorkMode = WorkMode.Normal,
    bool Validate = true,
    ulong MaxInstructions = 10_000_000,
    long? WipeAtTrap = null);

/// <summary>What a run produced.</summary>
/// <param name="Stop">Why and when the machine stopped.</param>
/// <param name="PersonalUart">What the personal kernel printed.</param>
/// <param name="WorkUart">What the work kernel printed.</param>
/// <param name="Log">The hypervisor's decisions (refusals, denials, halts).</param>
/// <param name="Traps">How many traps the hypervisor handled.</param>
/// <param name="Validated">How many traps the validator checked.</param>
/// <param name="Violation">The first violation, or null.</param>
public sealed record RunResult(
    MachineRunResult Stop, string PersonalUart, string WorkUart, IReadOnlyList<string> Log, long Traps, long Validated, Violation? Violation);

/// <summary>Builds a machine for the platform, boots the hypervisor with both kernels, and runs it (validated unless told not to).</summary>
public static partial class PersonaRun
{
    /// <summary>Runs the two personas on the default handset platform.</summary>
    public static RunResult Run(RunOptions options) => Run(DefaultPlatform.Load(), options);

    /// <summary>Runs the two personas on a platform.</summary>
    public static RunResult Run(Platform platform, RunOptions options)
    {
        var (machine, hypervisor, validator) = Build(platform, options);
        var stop = machine.Run(options.MaxInstructions);
        return new RunResult(stop, hypervisor.UartOutput(Component.Personal), hypervisor.UartOutput(Component.Work), hypervisor.Log,
            hypervisor.TrapCount, validator?.Checked ?? 0, validator?.FirstViolation);
    }

    /// <summary>A booted machine with its hypervisor and (when asked) validator, ready to run.</summary>
    public static (Machine Machine, Hypervisor Hypervisor, Validator? Validator) Build(Platform platform, RunOptions options)
    {
        var machine = new Machine(new MachineOptions { CoreCount = 1, RamSize = platform.Ram.Size }, InterpreterCore.Factory(), Stream.Null);
        var hypervisor = new Hypervisor(machine, platform, options.Mutants);
        hypervisor.Boot(PersonaKernels.Personal, PersonaKernels.Work, (ulong)options.WorkMode);
        if (options.WipeAtTrap is { } trap)
            hypervisor.ScheduleRemoteWipe(trap);
        Validator? validator = null;
        if (options.Validate)
        {
            validator = new Validator(hypervisor);
            hypervisor.Observer = validator;
            validator.CheckBoot();
        }
        AttachObserver(hypervisor);
        return (machine, hypervisor, validator);
    }
}
