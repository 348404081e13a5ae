using Persona.Bench.Guest;
using Xunit.Abstractions;

namespace Persona.Bench.Tests;

/// <summary>Every benchmark in bench/Persona.Bench still sets up and runs (one invocation each), and the harness modes run on a tiny budget.</summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    /// <summary>The benchmark classes, by full name.</summary>
    public static TheoryData<string> Classes()
    {
        var data = new TheoryData<string>();
        foreach (var type in BenchmarkInvoker.BenchmarkClasses())
            data.Add(type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Benchmark_RunsOnceWithoutThrowing(string className)
    {
        var type = typeof(Program).Assembly.GetType(className)!;
        var ran = BenchmarkInvoker.RunOnce(type);
        Assert.NotEmpty(ran);
        output.WriteLine(string.Join("\n", ran));
    }

    [Fact]
    public void Assembly_HasTheIssueSevenSuites()
    {
        var names = BenchmarkInvoker.BenchmarkClasses().Select(t => t.Name).ToList();
        Assert.Contains("DecodeStepBenchmarks", names);
        Assert.Contains("Stage2WalkBenchmarks", names);
        Assert.Contains("VirtualizationOverheadBenchmarks", names);
        Assert.Contains("ObligationBenchmarks", names);
        Assert.Contains("TimeToBugBenchmarks", names);
        Assert.Contains("HypervisorTrapBenchmarks", names);
    }

    [Fact]
    public void Invoker_ReportsTheBenchmarkThatThrows()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BenchmarkInvoker.RunOnce(typeof(ThrowingBenchmark)));
        Assert.Contains("ThrowingBenchmark.Broken", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SystematicFigures_RunOnATinyBudget()
    {
        var text = Capture(() => Program.Main(["--systematic-figures", "--budget", "2"]));
        Assert.Contains("Iterations to the first bug", text, StringComparison.Ordinal);
        Assert.Contains("| reorder-5-bug | random |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtocolFigures_RunOnATinyBudget()
    {
        var text = Capture(() => Program.Main(["--protocols-figures", "to-bug", "1", "3"]));
        Assert.Contains("protocols-bug-channel-carries-body", text, StringComparison.Ordinal);
        var throughput = Capture(() => Program.Main(["--protocols-figures", "throughput", "5", "1"]));
        Assert.Contains("median iterations/s", throughput, StringComparison.Ordinal);
    }

    [Fact]
    public void GuestMicrobench_WritesTheGuestsTable()
    {
        var file = Path.GetTempFileName();
        try
        {
            Capture(() => Program.Main(["--guest-microbench", file]));
            var table = File.ReadAllText(file);
            output.WriteLine(table);
            foreach (var test in new[] { "empty-loop", "hypercall", "mmio-read", "world-switch-round-trip", "virq-completion" })
                Assert.Contains(test, table, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Workload_PrintsTheSameChecksumBareAndUnderTheHypervisor()
    {
        var uart = new MemoryStream();
        var bare = MicrobenchGuest.Bare(MicrobenchGuest.WorkloadMode, uart);
        Assert.Equal(Persona.Arm.Platform.MachineStopReason.SystemOff, bare.Run(20_000_000).Reason);
        var (machine, hypervisor) = MicrobenchGuest.UnderHypervisor(MicrobenchGuest.WorkloadMode, Persona.Hypervisor.Costs.CostModel.Default);
        Assert.Equal(Persona.Arm.Platform.MachineStopReason.SystemOff, machine.Run(20_000_000).Reason);
        var bareText = System.Text.Encoding.ASCII.GetString(uart.ToArray());
        var personaText = hypervisor.UartOutput(Persona.Spec.Model.Component.Personal);
        output.WriteLine(bareText);
        Assert.Contains("workload checksum 0x", bareText, StringComparison.Ordinal);
        Assert.Equal(bareText, personaText);
    }

    private static string Capture(Action action)
    {
        var previous = Console.Out;
        var writer = new StringWriter();
        lock (ConsoleLock)
        {
            Console.SetOut(writer);
            try
            {
                action();
            }
            finally
            {
                Console.SetOut(previous);
            }
        }
        return writer.ToString();
    }

    private static readonly object ConsoleLock = new();

    /// <summary>A benchmark that throws, to show the invoker names it.</summary>
    public sealed class ThrowingBenchmark
    {
        [BenchmarkDotNet.Attributes.Benchmark]
        public void Broken() => throw new InvalidOperationException("seeded failure");
    }
}
