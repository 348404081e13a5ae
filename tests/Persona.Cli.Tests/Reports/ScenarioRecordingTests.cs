using Persona.Cli.Reports;
using Persona.Cli.Verification;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Cli.Tests.Reports;

/// <summary>What the recorder beside the validator sees of the default scenario: trap statistics and the ownership timeline.</summary>
public sealed class ScenarioRecordingTests(ITestOutputHelper output)
{
    private static readonly Lazy<ScenarioOutcome> Default = new(() =>
        (ScenarioOutcome)new ScenarioStage().Run(DefaultPlatform.Load(), new VerifyOptions(1, 1, Path.GetTempPath()), new Progress<double>()).Data!);

    [Fact]
    public void Statistics_CountEveryValidatedTrapOnce_ByClassAndPersona()
    {
        var outcome = Default.Value;
        var stats = outcome.Statistics;
        foreach (var t in stats.Tallies) output.WriteLine($"{t.Class} {t.Detail}: personal {t.Personal}, work {t.Work}");
        Assert.True(outcome.Passed);
        Assert.Equal(outcome.Traps, stats.Traps);
        Assert.Equal(outcome.Traps, stats.Tallies.Sum(t => t.Total));
        Assert.Equal(outcome.Validated, stats.Validated);
        Assert.Equal(stats.Traps, stats.Personal + stats.Work);
        // The scenario's story: personal shares a page, work posts on the channel, personal unshares; both print on their UARTs and power off.
        Assert.Contains(stats.Tallies, t => t is { Class: TrapClass.Hypercall, Detail: "Share", Personal: > 0 });
        Assert.Contains(stats.Tallies, t => t is { Class: TrapClass.Hypercall, Detail: "Unshare", Personal: > 0 });
        Assert.Contains(stats.Tallies, t => t is { Class: TrapClass.DataAbort, Detail: "virtual UART write", Personal: > 0, Work: > 0 });
        Assert.Contains(stats.Tallies, t => t.Class == TrapClass.SecureMonitorCall && t.Detail.Contains("power off", StringComparison.Ordinal));
        Assert.True(stats.WorldSwitches >= 2);
        Assert.Equal(2, stats.OwnershipChanges);
    }

    [Fact]
    public void ScenarioStage_RunsTheScenarioExactlyAsScenarioRunnerDoes()
    {
        // The recorder rides along through PersonaRun's observer hook; it must not change the run it records.
        var reference = Persona.Hypervisor.Scenarios.ScenarioRunner.Run(Persona.Hypervisor.Scenarios.Scenario.Default);
        var outcome = Default.Value;
        Assert.Equal(reference.Run.Traps, outcome.Traps);
        Assert.Equal(reference.Run.Validated, outcome.Validated);
        Assert.Equal(reference.Run.Stop.Instructions, outcome.Instructions);
        Assert.Equal(reference.Run.Stop.Reason.ToString(), outcome.Stop);
        Assert.Equal(reference.Passed, outcome.Passed);
        Assert.Equal(reference.Missed.Count, outcome.Missed.Count);
    }

    [Fact]
    public void Ownership_ShowsTheChannelPageLentByPersonalAndBorrowedByWork_ThenReturned()
    {
        var timeline = Default.Value.Ownership;
        foreach (var s in timeline.Snapshots) output.WriteLine($"#{s.Trap} {s.Cause}: fg {s.Foreground}");
        Assert.Equal(0, timeline.Dropped);
        Assert.Equal(Default.Value.Statistics.WorldSwitches, timeline.Snapshots.Count(s => s.Cause.Contains("switch to", StringComparison.Ordinal)));
        static int Count(OwnershipSnapshot s, Component c, PageView v) => s.Of(c).Sum(cell => cell.Counts[(int)v]);
        var boot = timeline.Snapshots[0];
        Assert.Equal("boot", boot.Cause);
        Assert.Equal(0, Count(boot, Component.Personal, PageView.Lent));
        var shared = Assert.Single(timeline.Snapshots, s => s.Cause.Contains("share", StringComparison.Ordinal) && !s.Cause.Contains("unshare", StringComparison.Ordinal));
        Assert.Equal(1, Count(shared, Component.Personal, PageView.Lent));
        Assert.Equal(1, Count(shared, Component.Work, PageView.Borrowed));
        Assert.Contains(shared.Personal, c => c.View == PageView.Lent);
        var last = timeline.Snapshots[^1];
        Assert.Equal(0, Count(last, Component.Personal, PageView.Lent));
        Assert.Equal(0, Count(last, Component.Work, PageView.Borrowed));
        // Every snapshot accounts for every page of RAM once per persona.
        var pages = DefaultPlatform.Load().PageCount;
        Assert.All(timeline.Snapshots, s => Assert.Equal(pages, s.Work.Sum(c => c.Counts.Sum())));
    }

    [Fact]
    public void ObserverHook_AppliesOnlyInsideItsScope_AndKeepsTheValidatorFirst()
    {
        var options = new Persona.Hypervisor.Running.RunOptions();
        Persona.Hypervisor.ITrapObserver? seen = null;
        using (Persona.Hypervisor.Running.PersonaRun.Observe((h, validator) =>
        {
            seen = validator;
            return new FanOutObserver([validator!, new ScenarioRecorder(h)]);
        }))
        {
            var (_, inside, validator) = Persona.Hypervisor.Running.PersonaRun.Build(DefaultPlatform.Load(), options);
            Assert.Same(validator, seen);
            Assert.IsType<FanOutObserver>(inside.Observer);
        }
        var (_, outside, plain) = Persona.Hypervisor.Running.PersonaRun.Build(DefaultPlatform.Load(), options);
        Assert.Same(plain, outside.Observer);
    }

    [Theory]
    [InlineData("handset-2011")]
    [InlineData("tiny")]
    public void Bands_TileRamExactly_AndGiveEveryRegionAtLeastOne(string name)
    {
        var platform = name == "tiny" ? PlatformParser.ParseFile(Path.Combine(SpecSources.RepositoryRoot!, "spec/platforms/tiny.platform")) : DefaultPlatform.Load();
        var bands = OwnershipRecorder.BandsOf(platform, OwnershipRecorder.TargetBands);
        Assert.Equal((long)(platform.Ram.Base / Platform.PageSize), bands[0].FirstFrame);
        for (var i = 1; i < bands.Count; i++) Assert.Equal(bands[i - 1].FirstFrame + bands[i - 1].Frames, bands[i].FirstFrame);
        Assert.Equal(platform.PageCount, bands.Sum(b => b.Frames));
        Assert.All(platform.Regions, r => Assert.Contains(bands, b => b.Region == r.Name));
        Assert.InRange(bands.Count, platform.Regions.Count, (OwnershipRecorder.TargetBands * 2) + platform.Regions.Count);
    }
}
