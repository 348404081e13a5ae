using System.Diagnostics;
using Persona.Spec.Platforms;
using Persona.Systematic.Testing;

namespace Persona.Cli.Verification;

/// <summary>The systematic tests: every test registered to run by default (the hypervisor's protocols among them), under the portfolio strategy.</summary>
/// <param name="iterations">Iterations per test.</param>
public sealed class SystematicStage(int iterations) : IVerificationStage
{
    /// <inheritdoc/>
    public string Name => "systematic tests";

    /// <inheritdoc/>
    public StageResult Run(Platform platform, VerifyOptions options, IProgress<double> progress)
    {
        var clock = Stopwatch.StartNew();
        var registry = TestRegistry.DiscoverFrom(typeof(SystematicStage).Assembly).Where(t => t.RunByDefault).ToList();
        var reports = new List<object>();
        var evidence = new List<string>();
        var bugs = 0;
        var baseConfig = new TestConfiguration { Iterations = iterations, Seed = options.Seed, Workers = options.Workers };
        for (var i = 0; i < registry.Count; i++)
        {
            var registered = registry[i];
            var test = registered.Create();
            var report = TestEngine.Run(registered.Name, test, test.Configure(baseConfig), null);
            reports.Add(new { test = registered.Name, report.Strategy, report.Iterations, report.BuggyIterations, bug = report.Bug?.ToString(), report.MaxStepsHits, seconds = report.Elapsed.TotalSeconds });
            if (report.BugTrace is { } raw)
            {
                bugs++;
                var paths = TestEngine.Describe(test, report.ShrunkTrace ?? raw).WriteTo(Path.Combine(options.ReportDirectory, "traces"));
                evidence.Add($"{registered.Name}: {report.Bug}\n  trace: {paths.Trace}\n  diagram: {paths.Html}\n  replay: persona test --replay {paths.Trace}");
            }
            progress.Report((double)(i + 1) / registry.Count);
        }
        return new StageResult(Name, bugs == 0,
            $"{registry.Count - bugs}/{registry.Count} default tests ran clean, {iterations} iterations each (seed {options.Seed})",
            evidence, clock.Elapsed.TotalSeconds, reports);
    }
}
