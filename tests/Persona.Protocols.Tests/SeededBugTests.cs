using Persona.Protocols.Testing;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Persona.Systematic.Traces;
using Xunit.Abstractions;

namespace Persona.Protocols.Tests;

public sealed class SeededBugTests(ITestOutputHelper output)
{
    private const ulong Seed = 1;

    public static TheoryData<string> BugNames()
    {
        var data = new TheoryData<string>();
        foreach (var b in ProtocolSuite.SeededBugs) data.Add(b.TestName);
        return data;
    }

    [Theory]
    [MemberData(nameof(BugNames))]
    public void SeededBug_IsFoundByTheDefaultPortfolioWithinItsBudget_AndReplaysFromItsTrace(string name)
    {
        var bug = ProtocolSuite.SeededBugs.Single(b => b.TestName == name);
        var config = new TestConfiguration { Strategy = StrategyKind.Portfolio, Iterations = bug.Budget, Seed = Seed, ShrinkBudget = 0 };
        var report = BugAssert.FoundAndReplays(output, name, bug.Create(), config);
        Assert.Contains(bug.Expected, report.Bug!.Message, StringComparison.Ordinal);
        Assert.InRange(bug.Depth, 1, 3);
    }

    [Fact]
    public void SeededBugs_AreAtLeastTen_EachOneFlag_AndEveryFlagIsSeeded()
    {
        var flags = Enum.GetValues<ProtocolBugs>().Where(f => f != ProtocolBugs.None).ToList();
        Assert.True(ProtocolSuite.SeededBugs.Count >= 10);
        Assert.Equal(flags.Count, ProtocolSuite.SeededBugs.Count);
        Assert.Equal(flags.Order(), ProtocolSuite.SeededBugs.Select(b => b.Bug).Order());
        foreach (var b in ProtocolSuite.SeededBugs)
        {
            var test = Assert.IsAssignableFrom<ProtocolTest>(b.Create());
            Assert.Equal(b.Bug, test.Bugs);
        }
    }

    [Fact]
    public void SeededBugTrace_ReplayedOnTheCorrectProtocols_DoesNotReproduceTheBug()
    {
        // The flag, not the schedule, is the bug: the same decisions on the correct protocols end without it.
        var bug = ProtocolSuite.SeededBugs.Single(b => b.Bug == ProtocolBugs.ChannelCarriesBody);
        var report = ProtocolSuite.RunBug(bug, StrategyKind.Portfolio, bug.Budget, Seed, workers: 1);
        Assert.NotNull(report.BugTrace);
        // The correct protocols follow every recorded decision without failing, then ask for more than the trace holds.
        var e = Assert.Throws<TraceDivergenceException>(() => TestEngine.Replay(new HypervisorProtocols(), report.BugTrace!));
        output.WriteLine(e.Message);
        Assert.Contains("the trace has no more decisions", e.Message, StringComparison.Ordinal);
    }
}
