using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Protocols.Testing;

/// <summary>One seeded bug: its flag, the registered test that switches it on, and the iteration budget the default portfolio finds it within.</summary>
/// <param name="Bug">The flag.</param>
/// <param name="TestName">The registered test's name.</param>
/// <param name="Depth">How many ordering or fault decisions must go wrong together (1 to 3).</param>
/// <param name="Budget">Iterations of the default portfolio (seed 1) within which it is found.</param>
/// <param name="Expected">A fragment of the bug report's message that names what catches it (a spec rule, a refinement failure, a liveness monitor).</param>
/// <param name="Create">Makes the test.</param>
public sealed record SeededBug(ProtocolBugs Bug, string TestName, int Depth, int Budget, string Expected, Func<ISystematicTest> Create);

/// <summary>The protocol test suite as one entry point, for <c>persona verify</c> and the benchmarks.</summary>
public static class ProtocolSuite
{
    /// <summary>The registered name of the correct protocols.</summary>
    public const string CorrectTestName = "protocols";

    /// <summary>Every seeded bug with its depth and budget.</summary>
    public static IReadOnlyList<SeededBug> SeededBugs { get; } =
    [
        new(ProtocolBugs.ReleaseBeforeAllAcks, "protocols-bug-release-before-acks", 2, 300, "MEM-2", () => new ReleaseBeforeAllAcksBug()),
        new(ProtocolBugs.GrantDuringRevoke, "protocols-bug-grant-during-revoke", 2, 300, "refinement: grant(d=0x1", () => new GrantDuringRevokeBug()),
        new(ProtocolBugs.LostWipeAck, "protocols-bug-lost-wipe-ack", 1, 300, "EveryWipeCompletes", () => new LostWipeAckBug()),
        new(ProtocolBugs.SwitchRacesIpi, "protocols-bug-switch-races-ipi", 2, 300, "SW-3", () => new SwitchRacesIpiBug()),
        new(ProtocolBugs.KeyDestroyedWhileMapped, "protocols-bug-key-destroyed-while-mapped", 1, 300, "refinement: wipeDestroyKey()", () => new KeyDestroyedWhileMappedBug()),
        new(ProtocolBugs.StopWithoutAck, "protocols-bug-stop-without-ack", 2, 300, "WIPE-2", () => new StopWithoutAckBug()),
        new(ProtocolBugs.RevokeWithoutQuiesce, "protocols-bug-revoke-without-quiesce", 1, 300, "DMA-1", () => new RevokeWithoutQuiesceBug()),
        new(ProtocolBugs.NoQuiesceTimeout, "protocols-bug-no-quiesce-timeout", 1, 300, "stayed hot", () => new NoQuiesceTimeoutBug()),
        new(ProtocolBugs.NoIpiRetry, "protocols-bug-no-ipi-retry", 1, 300, "EveryWipeCompletes", () => new NoIpiRetryBug()),
        new(ProtocolBugs.AwaitOfflineCore, "protocols-bug-await-offline-core", 1, 300, "EveryWipeCompletes", () => new AwaitOfflineCoreBug()),
        new(ProtocolBugs.WipeForgottenOnRestart, "protocols-bug-wipe-forgotten-on-restart", 1, 300, "EveryWipeCompletes", () => new WipeForgottenOnRestartBug()),
        new(ProtocolBugs.ChannelCarriesBody, "protocols-bug-channel-carries-body", 1, 300, "SHR-5", () => new ChannelCarriesBodyBug()),
    ];

    /// <summary>Runs the correct protocols for <paramref name="iterations"/> under the default portfolio; the report's Bug is null when they ran clean.</summary>
    public static TestReport RunCorrect(int iterations, ulong seed, int workers)
    {
        var test = new HypervisorProtocols();
        var config = test.Configure(new TestConfiguration { Iterations = iterations, Seed = seed, Workers = workers, Strategy = StrategyKind.Portfolio, ShrinkBudget = 0 });
        return TestEngine.Run(CorrectTestName, test, config);
    }

    /// <summary>Runs one seeded bug with the given strategy for at most <paramref name="iterations"/>, stopping at the first bug.</summary>
    public static TestReport RunBug(SeededBug bug, StrategyKind strategy, int iterations, ulong seed, int workers, int shrinkBudget = 0)
    {
        var test = bug.Create();
        var config = test.Configure(new TestConfiguration { Iterations = iterations, Seed = seed, Workers = workers, Strategy = strategy, ShrinkBudget = shrinkBudget });
        return TestEngine.Run(bug.TestName, test, config);
    }

    /// <summary>The whole suite, for <c>persona verify</c>: the correct protocols must run clean, and every seeded bug must be found within its budget.</summary>
    public static ProtocolSuiteResult RunAll(int iterations, ulong seed, int workers)
    {
        var correct = RunCorrect(iterations, seed, workers);
        var bugs = SeededBugs.Select(b => new SeededBugResult(b, RunBug(b, StrategyKind.Portfolio, b.Budget, seed, workers))).ToList();
        return new ProtocolSuiteResult(correct, bugs);
    }
}

/// <summary>What the suite found for one seeded bug.</summary>
/// <param name="Bug">The seeded bug.</param>
/// <param name="Report">The portfolio's run on it.</param>
public sealed record SeededBugResult(SeededBug Bug, TestReport Report)
{
    /// <summary>Whether the portfolio found the expected failure within the budget.</summary>
    public bool Found => Report.Bug is { } b && b.Message.Contains(Bug.Expected, StringComparison.Ordinal);
}

/// <summary>The suite's outcome: the correct protocols' run and each seeded bug's.</summary>
/// <param name="Correct">The correct protocols' run.</param>
/// <param name="Bugs">Each seeded bug's run.</param>
public sealed record ProtocolSuiteResult(TestReport Correct, IReadOnlyList<SeededBugResult> Bugs)
{
    /// <summary>Whether the correct protocols ran clean and every seeded bug was found.</summary>
    public bool Passed => Correct.Bug is null && Bugs.All(b => b.Found);
}
