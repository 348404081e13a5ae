using Persona.Arm.Platform;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Validation;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>What a run with a hostile (or idle) work program showed: how it ended, what the validator said, what the personal
/// persona could observe, and whether IT's wipe still did its job.</summary>
/// <param name="WipeOrdered">Whether IT ordered the wipe during the run.</param>
/// <param name="HostException">An exception that escaped the hypervisor or the emulator (the property says: never).</param>
/// <param name="Stop">How the machine stopped (null when an exception escaped).</param>
/// <param name="Violation">The validator's first violation, or null.</param>
/// <param name="PersonalUart">Everything the personal persona printed.</param>
/// <param name="PersonalPartition">The personal partition's written sectors (physical sector → contents, hex).</param>
/// <param name="WorkWiped">Whether the remote wipe completed.</param>
/// <param name="KeyPresent">Whether the work key survived.</param>
/// <param name="WorkRamHoldsData">Whether any byte of the work RAM region is nonzero at the end.</param>
/// <param name="WorkMappedAnywhere">A description of a work page still mapped (work's or personal's stage 2), or null.</param>
/// <param name="Traps">How many traps the hypervisor handled.</param>
/// <param name="Log">The hypervisor's log.</param>
/// <param name="WorkUart">What the work persona printed.</param>
/// <param name="WorkPc">Where the work persona's boot vCPU was at the end (its live PC, or the saved ELR_EL2), or null when it has no context.</param>
/// <param name="WorkHalted">Whether the work persona had stopped (powered itself off, or stopped by the hypervisor or the wipe).</param>
internal sealed record HostileOutcome(
    bool WipeOrdered, Exception? HostException, MachineRunResult? Stop, Violation? Violation, string PersonalUart, IReadOnlyDictionary<long, string> PersonalPartition,
    bool WorkWiped, bool KeyPresent, bool WorkRamHoldsData, string? WorkMappedAnywhere, long Traps, IReadOnlyList<string> Log, string WorkUart,
    ulong? WorkPc, bool WorkHalted);

/// <summary>Runs the work persona on a hostile program while the personal persona lives its day, validated and strict, with a fixed
/// schedule of outside events: the user's switches, a call for work (work runs during personal's day), IT's wipe.</summary>
internal static class HostileRun
{
    /// <summary>System-counter ticks per millisecond (62.5 MHz).</summary>
    private const ulong Millisecond = 62_500;

    /// <summary>The instruction budget: the day needs about a million; a program that burns its slices cannot stretch the run past this.</summary>
    public const ulong MaxInstructions = 2_000_000;

    /// <summary>The outside world's schedule, the same for every program (so a hostile run and an idle run see the same switches). The
    /// user picks the personal persona by name: work may hand the foreground over on its own (a switch hypercall), and a toggle would then
    /// send the user to work instead.</summary>
    public static IReadOnlyList<TimedEvent> Schedule { get; } =
    [
        new(3 * Millisecond, new UserSwitch(Component.Personal), 0),
        new(45 * Millisecond / 10, new UserSwitch(Component.Personal), 0),
        new(5 * Millisecond, new IncomingCall(Component.Work, 5550300), 0),
        new(55 * Millisecond / 10, new RemoteHangUp(Component.Work), 0),
        new(6 * Millisecond, new RemoteWipeOrder(), 0),
    ];

    /// <summary>The run options: work in hostile-program mode, both kernels living the day, validated and strict; IT's wipe order
    /// comes last in the schedule when asked for (a validated wipe scrubs and checks all 224 MiB of work RAM: the dearest part of a run).</summary>
    public static RunOptions Options(int cores, int? schedulerSeed, bool wipe) => new(
        WorkMode: WorkMode.HostileProgram, Validate: true, Strict: true, Day: true, MaxInstructions: MaxInstructions,
        Events: wipe ? Schedule : [.. Schedule.Where(e => e.Event is not RemoteWipeOrder)],
        Cores: cores, SchedulerSeed: schedulerSeed, Quantum: schedulerSeed is null ? RoundRobinScheduler.DefaultQuantum : 200);

    /// <summary>Builds the machine, places the program in the work RAM, runs the schedule, and reads the outcome.</summary>
    public static HostileOutcome Run(HostileProgram program, bool wipe, int cores = 1, int? schedulerSeed = null)
    {
        var options = Options(cores, schedulerSeed, wipe);
        var (machine, hypervisor, validator) = PersonaRun.Build(DefaultPlatform.Load(), options);
        Place(machine, hypervisor, program);
        MachineRunResult? stop = null;
        Exception? escaped = null;
        try
        {
            stop = PersonaRun.RunWithEvents(machine, hypervisor, options);
        }
#pragma warning disable CA1031 // The property under test is that nothing escapes: whatever does is the evidence.
        catch (Exception e)
#pragma warning restore CA1031
        {
            escaped = e;
        }
        var work = hypervisor.RamOf(Component.Work).Range;
        var ram = machine.Bus.Ram;
        return new HostileOutcome(wipe, escaped, stop, validator?.FirstViolation, hypervisor.UartOutput(Component.Personal), PartitionOf(hypervisor, Component.Personal),
            hypervisor.WorkWiped, hypervisor.KeyPresent, ram.Bytes.AsSpan((int)(work.Base - ram.Base), (int)work.Size).ContainsAnyExcept((byte)0),
            WorkMappedAnywhere(machine, hypervisor), hypervisor.TrapCount, hypervisor.Log, hypervisor.UartOutput(Component.Work),
            WorkPc(hypervisor), hypervisor.IsHalted(Component.Work));
    }

    /// <summary>Writes each vCPU's region into the work RAM behind its IPA (through the RAM's write path, so no stale decoded code).</summary>
    public static void Place(Machine machine, Hypervisor hypervisor, HostileProgram program)
    {
        var work = hypervisor.RamOf(Component.Work).Range;
        for (var vcpu = 0; vcpu < program.Regions.Length; vcpu++)
        {
            var pa = work.Base + (HostileLayout.RegionOf(vcpu) - HypervisorLayout.GuestRamIpa);
            program.Regions[vcpu].CopyTo(machine.Bus.Ram.SpanForWrite(pa, program.Regions[vcpu].Length));
        }
    }

    private static ulong? WorkPc(Hypervisor hypervisor) =>
        hypervisor.LivePersonaOf(0) == Component.Work ? hypervisor.CoreAt(0).Pc
            : hypervisor.SavedContextOf(Component.Work, 0)?[Vcpu.SavedRegisters.IndexOf(Arm.Cpu.SystemRegister.ElrEl2)];

    private static Dictionary<long, string> PartitionOf(Hypervisor hypervisor, Component persona) =>
        hypervisor.Storage.Emmc.WrittenSectors.Where(s => hypervisor.Storage.OwnerOfSector(s) == persona)
            .ToDictionary(s => s, s => Convert.ToHexString(hypervisor.Storage.Emmc.RawSector(s)));

    /// <summary>A work page still reachable after the wipe: mapped in work's stage 2, or a personal IPA whose walk lands in work RAM.</summary>
    private static string? WorkMappedAnywhere(Machine machine, Hypervisor hypervisor)
    {
        if (hypervisor.TablesOf(Component.Work).MappedIpaPages().Take(1).ToList() is [var page])
            return $"work IPA page 0x{page:x} is still mapped in work's stage 2";
        var work = hypervisor.RamOf(Component.Work).Range;
        foreach (var ipaPage in hypervisor.TablesOf(Component.Personal).MappedIpaPages())
        {
            var walk = hypervisor.TablesOf(Component.Personal).Translate(machine.Bus, ipaPage * HypervisorLayout.PageSize);
            if (walk.Fault is null && walk.OutputAddress >= work.Base && walk.OutputAddress < work.End)
                return $"personal IPA page 0x{ipaPage:x} maps work PA 0x{walk.OutputAddress:x}";
        }
        return null;
    }
}
