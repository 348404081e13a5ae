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
/// <param name="WipeAtTrap">When set, IT orders a remote wipe at the end of the first boot-core trap from this trap number on.</param>
/// <param name="Events">External events in time order (the user's switches, calls), each applied at its virtual time (the boot core's EL2 timer traps then).</param>
/// <param name="Day">Whether both kernels live the whole day (timer ticks, storage, camera hand-off, calls) before powering off.</param>
/// <param name="Strict">Whether the validator also checks every guest data access against ownership (needs <paramref name="Validate"/>).</param>
/// <param name="Cores">The number of physical cores (each persona gets one vCPU per core).</param>
/// <param name="PowerLossBefore">When set, the handset loses power when the wipe's journal reaches this step.</param>
/// <param name="Quantum">The scheduler's slice length (the longest slice, with a seed).</param>
/// <param name="SchedulerSeed">When set, cores and slice lengths are chosen at random from this seed instead of round-robin.</param>
public sealed record RunOptions(
    HypervisorMutant Mutants = HypervisorMutant.None,
    WorkMode WorkMode = WorkMode.Normal,
    bool Validate = true,
    ulong MaxInstructions = 10_000_000,
    long? WipeAtTrap = null,
    IReadOnlyList<TimedEvent>? Events = null,
    bool Day = false,
    bool Strict = false,
    int Cores = 1,
    Wipe.WipeStep? PowerLossBefore = null,
    int Quantum = RoundRobinScheduler.DefaultQuantum,
    int? SchedulerSeed = null);

/// <summary>What a run produced.</summary>
/// <param name="Stop">Why and when the machine stopped.</param>
/// <param name="PersonalUart">What the personal kernel printed.</param>
/// <param name="WorkUart">What the work kernel printed.</param>
/// <param name="Log">The hypervisor's decisions (refusals, denials, halts).</param>
/// <param name="Traps">How many traps the hypervisor handled.</param>
/// <param name="Validated">How many traps the validator checked.</param>
/// <param name="Violation">The first violation, or null.</param>
/// <param name="UnappliedEvents">How many of the run's timed events never took effect (the machine stopped first).</param>
public sealed record RunResult(
    MachineRunResult Stop, string PersonalUart, string WorkUart, IReadOnlyList<string> Log, long Traps, long Validated, Violation? Violation,
    int UnappliedEvents = 0);

/// <summary>Builds a machine for the platform, boots the hypervisor with both kernels, and runs it (validated unless told not to).</summary>
public static partial class PersonaRun
{
    /// <summary>Runs the two personas on the default handset platform.</summary>
    public static RunResult Run(RunOptions options) => Run(DefaultPlatform.Load(), options);

    /// <summary>Runs the two personas on a platform.</summary>
    public static RunResult Run(Platform platform, RunOptions options)
    {
        var (machine, hypervisor, validator) = Build(platform, options);
        var stop = RunWithEvents(machine, hypervisor, options);
        return new RunResult(stop, hypervisor.UartOutput(Component.Personal), hypervisor.UartOutput(Component.Work), hypervisor.Log,
            hypervisor.TrapCount, validator?.Checked ?? 0, validator?.FirstViolation, (options.Events?.Count ?? 0) - hypervisor.AppliedEvents);
    }

    /// <summary>Runs the machine to its end or its budget; the events <see cref="Build"/> scheduled take effect at their virtual times.</summary>
    public static MachineRunResult RunWithEvents(Machine machine, Hypervisor hypervisor, RunOptions options) => machine.Run(options.MaxInstructions);

    /// <summary>A booted machine with its hypervisor and (when asked) validator, ready to run.</summary>
    /// <remarks><paramref name="persistent"/>: the non-volatile memory a power loss left (a reboot), or null for a factory-fresh handset.</remarks>
    public static (Machine Machine, Hypervisor Hypervisor, Validator? Validator) Build(Platform platform, RunOptions options, Wipe.PersistentImage? persistent = null)
    {
        PlatformFit.Require(platform);
        IScheduler scheduler = options.SchedulerSeed is { } seed ? new Smp.SeededScheduler(seed, options.Quantum) : new RoundRobinScheduler(options.Quantum);
        // The hypervisor exists only once the machine does: the scheduler reads its schedule through this slot.
        Hypervisor? built = null;
        scheduler = new EventFirstScheduler(scheduler, () => built?.NextEventDue);
        var machine = new Machine(new MachineOptions { CoreCount = options.Cores, RamSize = platform.Ram.Size, Scheduler = scheduler }, InterpreterCore.Factory(), Stream.Null);
        if (persistent is not null)
            Wipe.PersistentMemory.Restore(machine, persistent);
        var hypervisor = new Hypervisor(machine, platform, options.Mutants) { PowerLossBefore = options.PowerLossBefore };
        built = hypervisor;
        var day = options.Day ? (ulong)KernelFlags.Day : 0;
        hypervisor.Boot(PersonaKernels.Personal, PersonaKernels.Work, (ulong)options.WorkMode | day, day);
        hypervisor.Schedule(options.Events ?? []);
        if (options.WipeAtTrap is { } trap)
            hypervisor.ScheduleRemoteWipe(trap);
        Validator? validator = null;
        if (options.Validate)
        {
            validator = new Validator(hypervisor);
            hypervisor.Observer = validator;
            validator.CheckBoot();
            if (options.Strict)
                AttachStrictMode(machine, validator);
        }
        else if (options.Strict)
        {
            throw new ArgumentException("strict mode checks accesses with the validator: it cannot run unvalidated", nameof(options));
        }
        AttachObserver(hypervisor);
        return (machine, hypervisor, validator);
    }

    /// <summary>Strict mode: every core reports each guest data access to the validator.</summary>
    private static void AttachStrictMode(Machine machine, Validator validator)
    {
        foreach (var core in machine.Cores)
            ((InterpreterCore)core).Core.AccessObserver = validator;
    }
}
