using System.Text;
using BenchmarkDotNet.Attributes;
using Persona.Arm.Platform;
using Persona.Bench.Guest;
using Persona.Hypervisor.Costs;
using Persona.Spec.Model;

namespace Persona.Bench.Macro;

/// <summary>Virtualization overhead: one workload image run on the bare emulator at EL1 (stage 2 off) and as a persona under the hypervisor.</summary>
/// <remarks>The workload is guests/microbench in its workload mode: 128 rounds over a 256 KiB buffer (one load, arithmetic and one store
/// per 64-byte line), one UART byte per round (a direct PL011 write bare, a trapped and emulated one under the hypervisor), then a
/// checksum line and PSCI SYSTEM_OFF. Under the hypervisor the boot (stage-2 tables for 480 MiB of persona RAM) happens in the
/// iteration setup, so only the run is timed; the run is unvalidated (validation on against off is HypervisorBenchmarks' job).
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*VirtualizationOverhead*'</c>.</remarks>
[SimpleJob(warmupCount: 3, iterationCount: 15, invocationCount: 1)]
[MedianColumn]
public class VirtualizationOverheadBenchmarks
{
    private Machine machine = null!;
    private Persona.Hypervisor.Hypervisor? hypervisor;
    private MemoryStream bareUart = new();

    /// <summary>Builds a fresh bare machine with the workload loaded.</summary>
    [IterationSetup(Target = nameof(BareEl1))]
    public void SetupBare()
    {
        bareUart = new MemoryStream();
        machine = MicrobenchGuest.Bare(MicrobenchGuest.WorkloadMode, bareUart);
        hypervisor = null;
    }

    /// <summary>Builds and boots a fresh two-persona machine with the workload as the personal persona.</summary>
    [IterationSetup(Target = nameof(UnderHypervisor))]
    public void SetupHypervisor() => (machine, hypervisor) = MicrobenchGuest.UnderHypervisor(MicrobenchGuest.WorkloadMode, CostModel.Default);

    /// <summary>Checks the run printed the workload's checksum (tests/Persona.Bench.Tests checks it is the same on both machines).</summary>
    [IterationCleanup]
    public void CheckOutput()
    {
        var output = hypervisor?.UartOutput(Component.Personal) ?? Encoding.ASCII.GetString(bareUart.ToArray());
        if (!output.Contains("workload checksum", StringComparison.Ordinal))
            throw new InvalidOperationException($"the workload did not finish; it printed: {output}");
    }

    /// <summary>The workload on the bare emulator at EL1, stage 2 off.</summary>
    [Benchmark(Baseline = true)]
    public MachineRunResult BareEl1() => machine.Run(20_000_000);

    /// <summary>The workload as the personal persona under the reference hypervisor (stage 2 on, UART trapped and emulated).</summary>
    [Benchmark]
    public MachineRunResult UnderHypervisor() => machine.Run(20_000_000);
}
