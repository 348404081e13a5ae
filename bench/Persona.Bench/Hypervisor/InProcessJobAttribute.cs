using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Persona.Bench.Hypervisor;

/// <summary>One in-process job with fixed counts: the repository's warnings-as-errors build settings break BenchmarkDotNet's
/// generated out-of-process project, and a fixed invocation count keeps each 512 MiB machine to one measured run.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InProcessJobAttribute : Attribute, IConfigSource
{
    /// <summary>A job of <paramref name="warmupCount"/> warm-up and <paramref name="iterationCount"/> measured iterations of
    /// <paramref name="invocationCount"/> invocations each (0: let BenchmarkDotNet choose).</summary>
    public InProcessJobAttribute(int warmupCount, int iterationCount, int invocationCount)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(warmupCount).WithIterationCount(iterationCount);
        if (invocationCount > 0)
            job = job.WithInvocationCount(invocationCount).WithUnrollFactor(1);
        Config = ManualConfig.CreateEmpty().AddJob(job);
    }

    /// <inheritdoc/>
    public IConfig Config { get; }
}
