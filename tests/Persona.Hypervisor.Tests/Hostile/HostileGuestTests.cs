using System.Collections.Concurrent;
using System.Globalization;
using Persona.Arm.Platform;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>The hostile-guest property: for every seed, the work persona runs a seeded hostile program while the personal persona
/// lives its day, validated and strict, and (a) nothing escapes the hypervisor or the emulator, (b) the validator sees no violation,
/// (c) the personal persona's UART and partition are exactly those of a run where work idles under the same schedule, (d) the run
/// ends within its instruction budget, and (e) when IT orders the wipe mid-day it still completes: no key, no work data, nothing mapped.</summary>
/// <remarks>CI runs seeds 1..8 on one core (the eighth with the wipe: a validated wipe costs more than the rest of a run) and two
/// seeds on two cores. <c>PERSONA_HOSTILE_SEEDS=A..B</c> (or N for 1..N) runs other seeds, with the same rule for the wipe
/// (every eighth seed wipes; <c>PERSONA_HOSTILE_WIPE_EVERY=N</c> every Nth instead, 0 never). A failure prints the
/// seed and the program's listing; <c>HostileProgramGenerator.Generate(seed)</c> gives the same program again.</remarks>
public sealed class HostileGuestTests(ITestOutputHelper output)
{
    /// <summary>How long one run may take before the test calls it a host hang (generous: the machine is shared).</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    private static readonly ConcurrentDictionary<(int Cores, bool Wipe), HostileOutcome> IdleRuns = new();

    [Fact]
    public void HostileWorkPrograms_OnOneCore_NeverCrashTheHost_NorBreakIsolation_AndTheWipeStillWorks()
    {
        var (first, last) = SeedRange();
        var wipeEvery = int.TryParse(Environment.GetEnvironmentVariable("PERSONA_HOSTILE_WIPE_EVERY"), CultureInfo.InvariantCulture, out var every) ? every : 8;
        output.WriteLine($"seeds {first}..{last}, one core (PERSONA_HOSTILE_SEEDS=A..B for others)");
        var failures = new List<string>();
        for (var seed = first; seed <= last; seed++)
        {
            if (Check(seed, cores: 1, wipe: wipeEvery > 0 && seed % wipeEvery == 0) is { } failure)
                failures.Add(failure);
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [InlineData(101, false)]
    [InlineData(102, true)]
    public void HostileWorkPrograms_OnTwoCores_NeverCrashTheHost_NorBreakIsolation(int seed, bool wipe) =>
        Assert.Null(Check(seed, cores: 2, wipe));

    /// <summary>The program may also use the declared interactions (store into the lent page, hold the camera and GPS): the personal
    /// persona may then see a different note or be refused the camera, but nothing else changes: no escape, no violation, its partition
    /// untouched, its day finished, the wipe complete.</summary>
    [Theory]
    [InlineData(201, false)]
    [InlineData(202, false)]
    public void HostileWorkPrograms_UsingDeclaredChannelsToo_NeverCrashTheHost_NorBreakIsolation(int seed, bool wipe)
    {
        var program = HostileProgramGenerator.Generate(seed, new HostileProfile(AttackDeclaredChannels: true));
        var idle = IdleRuns.GetOrAdd((1, wipe), key => CheckedIdle(key.Cores, key.Wipe));
        var run = Bounded(seed, () => HostileRun.Run(program, wipe));
        var where = run.WorkPc is { } pc ? program.Locate(0, pc) : "no context";
        output.WriteLine($"seed {seed} (declared channels too, wipe {wipe}): {run.Stop}, {run.Traps} traps, work at {where}\n{run.PersonalUart}");
        var failure = Failure(run with { PersonalUart = idle.PersonalUart }, idle)
            ?? (run.PersonalUart.Contains("personal: done, secret intact 0x0000000000000001", StringComparison.Ordinal) ? null : "the personal persona did not finish its day");
        if (failure is not null)
            output.WriteLine(program.Describe());
        Assert.True(failure is null, $"seed {seed}: {failure}");
    }

    /// <summary>Runs one seed; on a failure prints the program's listing and the log's tail, and returns what failed (with the seed).</summary>
    private string? Check(int seed, int cores, bool wipe)
    {
        var program = HostileProgramGenerator.Generate(seed, new HostileProfile(Vcpus: cores));
        var idle = IdleRuns.GetOrAdd((cores, wipe), key => CheckedIdle(key.Cores, key.Wipe));
        var run = Bounded(seed, () => HostileRun.Run(program, wipe, cores));
        var where = run.WorkPc is { } pc ? program.Locate(0, pc) : "no context";
        output.WriteLine($"seed {seed} ({cores} core(s), wipe {wipe}): {run.Stop?.ToString() ?? "no stop"}, {run.Traps} traps, work {(run.WorkHalted ? "stopped" : "running")} at {where}");
        if (Environment.GetEnvironmentVariable("PERSONA_HOSTILE_VERBOSE") == "1")
            output.WriteLine(string.Join('\n', run.Log.Where(l => l.StartsWith("Work", StringComparison.Ordinal)).TakeLast(8)));
        if (Failure(run, idle) is not { } failure)
            return null;
        output.WriteLine($"seed {seed} FAILED: {failure}");
        output.WriteLine(program.Describe());
        foreach (var line in run.Log.TakeLast(60))
            output.WriteLine(line);
        return $"seed {seed} ({cores} core(s), wipe {wipe}): {failure}";
    }

    /// <summary>The idle run a hostile one is compared with; it must itself be a clean day.</summary>
    private static HostileOutcome CheckedIdle(int cores, bool wipe)
    {
        var idle = HostileRun.Run(HostileProgramGenerator.Idle(cores), wipe, cores);
        if (idle.HostException is not null || idle.Violation is not null || !idle.PersonalUart.Contains("personal: done, secret intact 0x0000000000000001", StringComparison.Ordinal)
            || !idle.PersonalUart.Contains("personal: record 0x", StringComparison.Ordinal) || idle.PersonalPartition.Count == 0 || (wipe && !idle.WorkWiped))
            throw new InvalidOperationException($"the idle run ({cores} cores, wipe {wipe}) is not a clean day: {idle.Stop}, {idle.HostException}, {idle.Violation}\n{idle.PersonalUart}\n{string.Join('\n', idle.Log)}");
        return idle;
    }

    /// <summary>Runs on a worker thread and fails with the seed if it does not return in time (a host hang in one instruction or trap).</summary>
    private static HostileOutcome Bounded(int seed, Func<HostileOutcome> run)
    {
        var task = Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return task.Wait(HangLimit) ? task.Result : throw new TimeoutException($"seed {seed}: (d) the run did not return within {HangLimit} (host hang)");
    }

    /// <summary>The first property the outcome breaks, or null.</summary>
    internal static string? Failure(HostileOutcome run, HostileOutcome idle)
    {
        if (run.HostException is { } e)
            return $"(a) an exception escaped the host: {e}";
        if (run.Violation is { } v)
            return $"(b) validator violation: {v}";
        if (run.PersonalUart != idle.PersonalUart)
            return $"(c) the personal UART differs from the idle run's:\n--- idle\n{idle.PersonalUart}\n--- hostile\n{run.PersonalUart}";
        if (!run.PersonalPartition.OrderBy(kv => kv.Key).SequenceEqual(idle.PersonalPartition.OrderBy(kv => kv.Key)))
            return $"(c) the personal partition differs from the idle run's (sectors {string.Join(',', run.PersonalPartition.Keys)} vs {string.Join(',', idle.PersonalPartition.Keys)})";
        if (run.Stop is not { } stop || stop.Instructions > HostileRun.MaxInstructions || (run.WipeOrdered && stop.Reason != MachineStopReason.SystemOff))
            return $"(d) the run did not end as it should within {HostileRun.MaxInstructions} instructions: {run.Stop}";
        if (run.WipeOrdered && (!run.WorkWiped || run.KeyPresent || run.WorkRamHoldsData || run.WorkMappedAnywhere is not null))
            return $"(e) the wipe did not finish its job: wiped {run.WorkWiped}, key present {run.KeyPresent}, work RAM holds data {run.WorkRamHoldsData}, {run.WorkMappedAnywhere}";
        return null;
    }

    /// <summary>PERSONA_HOSTILE_SEEDS: "A..B", or "N" for 1..N; seeds 1..8 otherwise.</summary>
    internal static (int First, int Last) SeedRange()
    {
        var text = Environment.GetEnvironmentVariable("PERSONA_HOSTILE_SEEDS");
        if (string.IsNullOrWhiteSpace(text))
            return (1, 8);
        var parts = text.Split("..");
        return parts.Length == 2
            ? (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))
            : (1, int.Parse(text, CultureInfo.InvariantCulture));
    }
}
