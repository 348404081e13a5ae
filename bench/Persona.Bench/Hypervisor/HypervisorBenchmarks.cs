using BenchmarkDotNet.Attributes;
using Persona.Arm.Platform;
using Persona.Hypervisor;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Scenarios;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Bench.Hypervisor;

/// <summary>Trap round trip and world switch on the two-persona machine, with and without the validator: each operation is one trap.</summary>
/// <remarks>Both kernels' entries are overwritten with a three-instruction loop (encodings from aarch64-linux-gnu-as):
/// <c>movz x0, #FN; hvc #0; b .-8</c>. With FN = 0x100 (status) every trap returns to the same persona; with FN = 0x105 (switch)
/// every trap is a world switch. The validator's cost per trap is the validated figure less the unvalidated one.
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*HypervisorTrap*'</c>.</remarks>
[InProcessJob(warmupCount: 2, iterationCount: 9, invocationCount: 1)]
[MedianColumn]
public class HypervisorTrapBenchmarks
{
    private const int TrapsPerInvoke = 2_000;
    private const uint Hvc0 = 0xD4000002;
    private const uint BranchBack8 = 0x17FFFFFE;

    private Machine machine = null!;
    private Persona.Hypervisor.Hypervisor hypervisor = null!;
    private Persona.Hypervisor.Validation.Validator? validator;

    /// <summary>Whether the validator checks every trap.</summary>
    [Params(false, true)]
    public bool Validate;

    [GlobalSetup(Target = nameof(StatusHypercallRoundTrip))]
    public void SetupStatus() => Setup(Hypercall.Status);

    [GlobalSetup(Target = nameof(WorldSwitch))]
    public void SetupSwitch() => Setup(Hypercall.Switch);

    private void Setup(Hypercall function)
    {
        var platform = DefaultPlatform.Load();
        (machine, hypervisor, validator) = PersonaRun.Build(platform, new RunOptions(Validate: Validate));
        var movz = 0xD2800000u | ((uint)function << 5);
        foreach (var persona in new[] { Component.Personal, Component.Work })
        {
            var entry = (int)(hypervisor.RamOf(persona).Range.Base - machine.Bus.Ram.Base);
            BitConverter.TryWriteBytes(machine.Bus.Ram.Bytes.AsSpan(entry), movz);
            BitConverter.TryWriteBytes(machine.Bus.Ram.Bytes.AsSpan(entry + 4), Hvc0);
            BitConverter.TryWriteBytes(machine.Bus.Ram.Bytes.AsSpan(entry + 8), BranchBack8);
        }
    }

    /// <summary>Reports guest-visible time per trap (virtual counter ticks) and fails the run if the validator objected.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (validator?.FirstViolation is { } violation)
            throw new InvalidOperationException(violation.ToString());
        Console.WriteLine($"// guest-visible: {machine.Clock.Ticks} ticks over {hypervisor.TrapCount} traps = {(double)machine.Clock.Ticks / hypervisor.TrapCount:F2} ticks per trap (3 instructions per loop)");
    }

    /// <summary>A status hypercall: guest HVC, the C# handler (and validator), ERET.</summary>
    [Benchmark(OperationsPerInvoke = TrapsPerInvoke)]
    public ulong StatusHypercallRoundTrip() => machine.Run(3 * TrapsPerInvoke).Instructions;

    /// <summary>A switch hypercall: save the whole context, restore the other persona's, move the foreground devices.</summary>
    [Benchmark(OperationsPerInvoke = TrapsPerInvoke)]
    public ulong WorldSwitch() => machine.Run(3 * TrapsPerInvoke).Instructions;
}

/// <summary>The embedded default scenario end to end (machine build, hypervisor boot, run), validated against unvalidated.</summary>
/// <remarks>Each run allocates the handset's 512 MiB of RAM, so the garbage collector's work is part of both figures. Thirty
/// iterations after five warm-ups: a run is short (tens of milliseconds) and the validated side was noisy with fifteen.
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*DefaultScenario*'</c>.</remarks>
[InProcessJob(warmupCount: 5, iterationCount: 30, invocationCount: 1)]
[MedianColumn]
public class DefaultScenarioBenchmarks
{
    private readonly Scenario scenario = Scenario.Default;

    /// <summary>Whether the validator checks every trap (its boot check over all 131,072 pages, by runs, included).</summary>
    [Params(false, true)]
    public bool Validate;

    /// <summary>One full run of the default scenario.</summary>
    [Benchmark]
    public bool DefaultScenario() => ScenarioRunner.Run(scenario, Validate).Passed;
}

/// <summary>The validator's boot check alone (construction, stage-2 walk by runs, abstraction by runs, every rule per page class) on a
/// booted default handset; the machine is built outside the measurement.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*ValidatorBootCheck*'</c>.</remarks>
[InProcessJob(warmupCount: 2, iterationCount: 9, invocationCount: 1)]
[MedianColumn]
public class ValidatorBootCheckBenchmarks
{
    private Persona.Hypervisor.Hypervisor hypervisor = null!;

    [IterationSetup]
    public void Boot() => (_, hypervisor, _) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(Validate: false));

    /// <summary>A new validator's boot check; true when the machine passes.</summary>
    [Benchmark]
    public bool BootCheck()
    {
        var validator = new Persona.Hypervisor.Validation.Validator(hypervisor);
        validator.CheckBoot();
        return validator.FirstViolation is null;
    }
}
