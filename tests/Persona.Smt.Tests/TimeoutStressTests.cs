using System.Collections.Concurrent;
using System.Diagnostics;
using Persona.Smt;
using Xunit.Abstractions;

namespace Persona.Smt.Tests;

/// <summary>Regression for the test-host hang in <c>Z3_solver_check</c>: checks with short timeouts on several threads,
/// many contexts and forced collections; every check must come back within its timeout plus a generous margin.</summary>
/// <remarks>Z3 4.8.12 arms its per-check timer before <c>scoped_rlimit</c> resets the cancel flag, and the timer fires once:
/// a timeout that fires in that window is erased and the check runs forever. A hard query with a 1 ms timeout hits the
/// window within a few hundred checks when threads compete for the cores, which is how parallel test classes hung.</remarks>
public sealed class TimeoutStressTests(ITestOutputHelper output)
{
    private const int Threads = 4;
    private const int ChecksPerThread = 36;
    private static readonly TimeSpan CheckBound = TimeSpan.FromSeconds(20);

    [Fact]
    public void HardQueriesWithShortTimeouts_OnFourThreads_AllReturnUnknownInTime()
    {
        var seed = TestSeed.Random(output).Next();
        output.WriteLine($"thread seeds derive from {seed}");
        var failures = new ConcurrentQueue<string>();
        var lastProgress = new long[Threads];
        var done = new int[Threads];
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                RunChecks(new Random(seed + t), t, lastProgress, clock, failures);
            }
            catch (Exception e)
            {
                failures.Enqueue($"thread {t}: {e}");
            }
            finally
            {
                Volatile.Write(ref done[t], 1);
            }
        })
        { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());

        // A lost timeout leaves a thread inside Z3 forever; a background thread and this watchdog turn that into a failure.
        while (Enumerable.Range(0, Threads).Any(t => Volatile.Read(ref done[t]) == 0))
        {
            Thread.Sleep(100);
            for (var t = 0; t < Threads; t++)
            {
                var stalled = clock.ElapsedMilliseconds - Interlocked.Read(ref lastProgress[t]);
                if (Volatile.Read(ref done[t]) == 0 && stalled > CheckBound.TotalMilliseconds)
                    Assert.Fail($"thread {t} has been inside one check for {stalled} ms (timeout 1-5 ms): the timeout was lost (seed {seed})");
            }
        }
        Assert.Empty(failures);
    }

    private static void RunChecks(Random random, int thread, long[] lastProgress, Stopwatch clock, ConcurrentQueue<string> failures)
    {
        for (var round = 0; round < ChecksPerThread / 3; round++)
        {
            // A fresh context every few checks: contexts come and go while the others solve.
            using var ctx = new SmtContext();
            for (var i = 0; i < 3; i++)
            {
                using var scope = ctx.Scope();
                var kind = random.Next(2) == 0 ? SmtSolverKind.SmtCore : SmtSolverKind.General;
                var timeout = (uint)random.Next(1, 6);
                using var solver = ctx.Solver(kind, timeout);
                var a = ctx.BitVec("a", 64);
                var b = ctx.BitVec("b", 64);
                solver.Assert((a * b).Eq(0xF0F0F0F0F0F0F0F1UL) & a.Ugt(1UL) & b.Ugt(1UL) & a.Ult(0xFFFFFFFFUL) & b.Ult(0xFFFFFFFFUL));
                Interlocked.Exchange(ref lastProgress[thread], clock.ElapsedMilliseconds);
                if (solver.Check() is not SmtResult.Unknown)
                    failures.Enqueue($"thread {thread}: a 64-bit factoring query was decided within {timeout} ms ({kind})");
                Interlocked.Exchange(ref lastProgress[thread], clock.ElapsedMilliseconds);
                if (random.Next(8) == 0)
                    GC.Collect();
            }
        }
    }
}
