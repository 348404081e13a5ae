using System.Diagnostics;
using Persona.Spec.Platforms;
using Persona.Systematic.Testing;

namespace Persona.Cli.Verification;

/// <summary>The systematic tests: every test registered to run by default (the hypervisor's protocols among them), under the portfolio strategy.</summary>
/// <param name="iterations">Iterations per test.</param>
/// <param name="tests">The registered tests to run by name (the ones registered to run by default unless given, as the report tests do with a seeded bug).</param>
public sealed class SystematicStage(int iterations, IReadOnlyList<string>? tests = null) : IVerificationStage
{
    /// <inheritdoc/>
    public string Name => "systematic tests";

    /// <inheritdoc/>
    public StageResult Run(Platform platform, VerifyOptions options, IProgress<double> progress)
    {
        var clock = Stopwatch.StartNew();
        var registry = Select(TestRegistry.DiscoverFrom(typeof(SystematicStage).Assembly));
        var outcomes = new List<SystematicOutcome>();
        var evidence = new List<string>();
        var baseConfig = new TestConfiguration { Iterations = iterations, Seed = options.Seed, Workers = options.Workers };
        for (var i = 0; i < registry.Count; i++)
        {
            var registered = registry[i];
            var test = registered.Create();
            var configuration = test.Configure(baseConfig);
            var finished = 0;
            var first = i;
            // The engine reports each finished iteration (from any worker); the bar moves within the test, not only between tests.
            var iterationProgress = new ImmediateProgress<int>(_ => progress.Report((first + ((double)Interlocked.Increment(ref finished) / Math.Max(1, configuration.Iterations))) / registry.Count));
            var report = TestEngine.Run(registered.Name, test, configuration, iterationProgress);
            BugEvidence? bug = null;
            if (report.BugTrace is { } raw && report.Bug is { } found)
            {
                var artifacts = TestEngine.Describe(test, report.ShrunkTrace ?? raw);
                var paths = artifacts.WriteTo(Path.Combine(options.ReportDirectory, "traces"));
                bug = new BugEvidence(found.Kind.ToString(), found.Message, found.Step, paths.Trace, paths.Html, artifacts.Mermaid);
                evidence.Add($"{registered.Name}: {found}\n  trace: {paths.Trace}\n  diagram: {paths.Html}\n  replay: {bug.ReplayCommand}");
            }
            outcomes.Add(new SystematicOutcome(registered.Name, registered.Description, report.Strategy, report.Iterations, report.BuggyIterations,
                report.Bug?.ToString(), report.MaxStepsHits, report.Elapsed.TotalSeconds, bug));
            progress.Report((double)(i + 1) / registry.Count);
        }
        var bugs = outcomes.Count(o => o.Evidence is not null);
        return new StageResult(Name, bugs == 0,
            $"{registry.Count - bugs}/{registry.Count} {(tests is null ? "default " : "")}tests clean ({string.Join(", ", registry.Select(t => t.Name))}), "
                + $"{iterations} iterations each (seed {options.Seed})",
            evidence, clock.Elapsed.TotalSeconds, outcomes);
    }

    private List<RegisteredTest> Select(IReadOnlyList<RegisteredTest> all) => tests is null
        ? [.. all.Where(t => t.RunByDefault)]
        : [.. tests.Select(name => all.FirstOrDefault(t => t.Name == name)
            ?? throw new UserInputException($"verify: unknown systematic test \"{name}\" (persona test --list shows them)"))];
}
