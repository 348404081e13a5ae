using Persona.Protocols.Model;
using Persona.Protocols.Testing;
using Persona.Spec.Model;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Protocols.Tests;

public sealed class CorrectProtocolTests(ITestOutputHelper output)
{
    [Fact]
    public void CorrectProtocols_RunCleanFor5000Iterations_UnderTheDefaultPortfolio()
    {
        const ulong seed = 20261121;
        var report = ProtocolSuite.RunCorrect(iterations: 5_000, seed, workers: 2);
        output.WriteLine($"seed {seed}: {report.Summary()}");
        Assert.True(report.Bug is null, report.Bug?.Message);
        Assert.Equal(5_000, report.Iterations);
        Assert.Equal(0, report.MaxStepsHits);
    }

    [Fact]
    public void Faults_StrikeInTheCorrectRuns_AndTheWipeStillCompletesWithPersonalDataIntact()
    {
        const ulong seed = 7;
        var recorder = new RecordingTest(new HypervisorProtocols());
        var report = TestEngine.Run("protocols", recorder, recorder.Configure(new TestConfiguration { Iterations = 400, Seed = seed, ShrinkBudget = 0 }));
        output.WriteLine($"seed {seed}: {report.Summary()}");
        Assert.Null(report.Bug);
        var machines = recorder.Machines;
        Assert.True(machines.Count >= 400, $"{machines.Count} iterations recorded");
        output.WriteLine($"offline {machines.Count(m => m.Faults.CoresOffline > 0)}, resends {machines.Count(m => m.Faults.IpiResends > 0)}, " +
            $"timeouts {machines.Count(m => m.Faults.QuiesceTimeouts > 0)}, restarts {machines.Count(m => m.Faults.CoordinatorRestarts > 0)}, acks resent {machines.Count(m => m.Faults.WipeAcksResent > 0)}");
        Assert.Contains(machines, m => m.Faults.CoresOffline > 0);
        Assert.Contains(machines, m => m.Faults.IpiResends > 0);
        Assert.Contains(machines, m => m.Faults.QuiesceTimeouts > 0);
        Assert.Contains(machines, m => m.Faults.CoordinatorRestarts > 0);
        Assert.Contains(machines, m => m.Faults.WipeAcksResent > 0);
        foreach (var m in machines)
        {
            // Every iteration ends with the wipe complete, the key gone, and the personal side's data where it was.
            Assert.Equal(WipePhase.Complete, m.Wipe);
            Assert.False(m.KeyPresent);
            Assert.Equal(Label.Personal, m.Content(Monitors.PersonalDataIntact.PersonalDataPage));
            Assert.Equal(Label.Personal, m.Partition(Component.Personal));
        }
    }

    [Fact]
    public void RunAll_ForVerify_PassesWithTheCorrectProtocolsCleanAndEverySeededBugFound()
    {
        var result = ProtocolSuite.RunAll(iterations: 200, seed: 13, workers: 2);
        output.WriteLine(result.Correct.Summary());
        foreach (var b in result.Bugs) output.WriteLine($"{b.Bug.TestName}: {b.Report.Iterations} iterations, {b.Report.Bug?.Message}");
        Assert.Null(result.Correct.Bug);
        Assert.All(result.Bugs, b => Assert.True(b.Found, b.Bug.TestName));
        Assert.True(result.Passed);
    }

    [Fact]
    public void Registry_ListsTheCorrectProtocolsAsDefault_AndEverySeededBugAsAKnownBug()
    {
        var registry = TestRegistry.Discover([typeof(ProtocolSuite).Assembly]);
        var correct = Assert.Single(registry, t => t.Name == ProtocolSuite.CorrectTestName);
        Assert.True(correct.RunByDefault);
        Assert.False(correct.ExpectsBug);
        foreach (var bug in ProtocolSuite.SeededBugs)
        {
            var t = Assert.Single(registry, r => r.Name == bug.TestName);
            Assert.True(t.ExpectsBug);
            Assert.False(t.RunByDefault);
        }
    }

    /// <summary>Wraps a test and keeps each iteration's machine, to look at the faults afterwards (run with one worker).</summary>
    private sealed class RecordingTest(ISystematicTest inner) : ISystematicTest
    {
        private readonly List<HypervisorState> machines = [];

        public IReadOnlyList<HypervisorState> Machines
        {
            get
            {
                lock (machines) return [.. machines];
            }
        }

        public void Setup(IActorRuntime runtime)
        {
            inner.Setup(runtime);
            lock (machines) machines.Add(runtime.GetSharedState<HypervisorState>());
        }

        public TestConfiguration Configure(TestConfiguration configuration) => inner.Configure(configuration);
    }
}
