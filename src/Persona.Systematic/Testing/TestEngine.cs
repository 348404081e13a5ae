using System.Diagnostics;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Traces;

namespace Persona.Systematic.Testing;

/// <summary>Runs a test for many iterations on parallel in-process workers, finds the first bug, and shrinks its trace.</summary>
public static partial class TestEngine
{
    private sealed class RunState
    {
        public int Next;
        public int FirstBug = int.MaxValue;
        public ExecutionTrace? BugTrace;
        public int Buggy;
        public long TotalSteps;
        public int MinSteps = int.MaxValue;
        public int MaxSteps;
        public int MaxHits;
        public int Fair;
        public int Pruned;
        public int Done;
        public bool Exhausted;
        public bool AnyUnfair;
        public int MaxCounted;
        public int MaxOps;
    }

    /// <summary>Runs <paramref name="test"/> under <paramref name="configuration"/>; <paramref name="progress"/> hears the count of finished iterations.</summary>
    public static TestReport Run(string testName, ISystematicTest test, TestConfiguration configuration, IProgress<int>? progress = null)
    {
        Validate(configuration);
        var config = configuration;
        int stepEstimate = config.StepEstimate;
        if (stepEstimate <= 0 && StrategyFactory.NeedsStepEstimate(config.Strategy)) stepEstimate = EstimateSteps(test, config);
        bool dfs = config.Strategy == StrategyKind.Dfs;
        int workers = dfs ? 1 : Math.Max(1, config.Workers);
        var state = new RunState { Next = config.FirstIteration };
        var coverages = new CoverageCollector?[workers];
        var watch = Stopwatch.StartNew();
        if (workers == 1)
        {
            Work(testName, test, config, stepEstimate, state, progress, coverages, 0);
        }
        else
        {
            var threads = new Thread[workers];
            for (int w = 0; w < workers; w++)
            {
                int worker = w;
                threads[w] = new Thread(() => Work(testName, test, config, stepEstimate, state, progress, coverages, worker), 16 * 1024 * 1024);
                threads[w].Start();
            }
            foreach (var t in threads) t.Join();
        }
        watch.Stop();
        var warnings = new List<string>();
        if (state.AnyUnfair)
        {
            warnings.Add($"strategy {StrategyFactory.NameOf(config.Strategy)} is unfair, so the liveness temperature check was off (hot monitors at quiescence and, if enabled, fair lassos were still checked).");
        }
        if (state.MaxHits > 0) warnings.Add($"{state.MaxHits} of {state.Done} iterations hit the step limit.");
        var bugTrace = state.BugTrace;
        ExecutionTrace? shrunk = bugTrace is not null && config.ShrinkBudget > 0 ? Shrink(test, bugTrace, config.ShrinkBudget) : null;
        return new TestReport
        {
            TestName = testName,
            Configuration = config,
            Strategy = StrategyFactory.Create(config.Strategy, config.StrategyBound, stepEstimate, config.MaxUnfairSteps, config.PartialOrderReduction).Description,
            Iterations = state.Done,
            BuggyIterations = state.Buggy,
            Bug = bugTrace?.Bug,
            BugTrace = bugTrace,
            ShrunkTrace = shrunk,
            TotalSteps = state.TotalSteps,
            MinSteps = state.Done > 0 ? state.MinSteps : 0,
            MaxSteps = state.MaxSteps,
            MaxStepsHits = state.MaxHits,
            FairIterations = state.Fair,
            PrunedIterations = state.Pruned,
            ExplorationComplete = dfs ? state.Exhausted && state.MaxHits == 0 && bugTrace is null : null,
            StepEstimate = stepEstimate,
            MaxContendedSteps = state.MaxCounted,
            MaxOperations = state.MaxOps,
            Warnings = warnings,
            Elapsed = watch.Elapsed,
            Coverage = config.Coverage ? CoverageCollector.Merge(coverages) : null,
        };
    }

    private static void Work(string testName, ISystematicTest test, TestConfiguration config, int stepEstimate, RunState state, IProgress<int>? progress, CoverageCollector?[] coverages, int worker)
    {
        var strategy = StrategyFactory.Create(config.Strategy, config.StrategyBound, stepEstimate, config.MaxUnfairSteps, config.PartialOrderReduction);
        var runtime = new SystematicRuntime(config, strategy);
        if (config.Coverage) runtime.Observer = coverages[worker] = new CoverageCollector();
        long steps = 0;
        int min = int.MaxValue, max = 0, hits = 0, fair = 0, pruned = 0, done = 0, maxCounted = 0, maxOps = 0;
        bool anyUnfair = false;
        int end = config.FirstIteration + config.Iterations;
        while (true)
        {
            int i = Interlocked.Increment(ref state.Next) - 1;
            if (i >= end || (config.StopAtFirstBug && i > Volatile.Read(ref state.FirstBug))) break;
            ulong seed = SeedDerivation.IterationSeed(config.Seed, i);
            var result = runtime.RunIteration(test, i, seed);
            bool isFair = strategy.IsFair;
            done++;
            steps += result.Steps;
            min = Math.Min(min, result.Steps);
            max = Math.Max(max, result.Steps);
            hits += result.HitMaxSteps ? 1 : 0;
            pruned += result.Pruned ? 1 : 0;
            maxCounted = Math.Max(maxCounted, result.CountedSteps);
            maxOps = Math.Max(maxOps, result.Operations);
            if (isFair) fair++;
            else anyUnfair = true;
            if (result.Bug is not null)
            {
                var trace = new ExecutionTrace(testName, strategy.Description, config.Seed, i, seed, isFair, config, result.Bug, runtime.Decisions.ToArray());
                lock (state)
                {
                    state.Buggy++;
                    if (i < state.FirstBug)
                    {
                        state.FirstBug = i;
                        state.BugTrace = trace;
                    }
                }
            }
            progress?.Report(1);
            if (!strategy.FinishIteration(result))
            {
                lock (state) state.Exhausted = true;
                break;
            }
        }
        lock (state)
        {
            state.TotalSteps += steps;
            state.MinSteps = Math.Min(state.MinSteps, min);
            state.MaxSteps = Math.Max(state.MaxSteps, max);
            state.MaxHits += hits;
            state.Fair += fair;
            state.Pruned += pruned;
            state.Done += done;
            state.AnyUnfair |= anyUnfair;
            state.MaxCounted = Math.Max(state.MaxCounted, maxCounted);
            state.MaxOps = Math.Max(state.MaxOps, maxOps);
        }
    }

    /// <summary>Measures k, the most contended steps (two or more enabled operations) in a few random iterations; deterministic in the base seed.</summary>
    public static int EstimateSteps(ISystematicTest test, TestConfiguration config)
    {
        var probe = new UnfairRandom();
        var runtime = new SystematicRuntime(config, probe);
        int k = 1;
        for (int i = 0; i < 5; i++)
        {
            var r = runtime.RunIteration(test, i, SeedDerivation.IterationSeed(config.Seed ^ 0x5EED5EEDUL, i));
            k = Math.Max(k, r.CountedSteps);
        }
        return k;
    }

    private static void Validate(TestConfiguration c)
    {
        if (c.Iterations < 1) throw new SystematicInputException($"iterations must be at least 1, not {c.Iterations}.");
        if (c.FirstIteration < 0) throw new SystematicInputException($"the first iteration must not be negative, not {c.FirstIteration}.");
        if (c.MaxUnfairSteps < 1 || c.MaxFairSteps < 1) throw new SystematicInputException("max steps must be at least 1.");
        if (c.Workers < 1) throw new SystematicInputException($"workers must be at least 1, not {c.Workers}.");
        if (c.StrategyBound < 0) throw new SystematicInputException($"the strategy bound must not be negative, not {c.StrategyBound}.");
        if (c.TimeoutDelay < 1) throw new SystematicInputException($"the timeout delay must be at least 1, not {c.TimeoutDelay}.");
    }

    /// <summary>Random scheduling marked unfair so probes use the short step limit.</summary>
    private sealed class UnfairRandom : ISchedulingStrategy
    {
        private readonly RandomStrategy inner = new();

        public string Description => "probe";

        public bool IsFair => false;

        public void InitializeIteration(int iteration, ulong seed) => inner.InitializeIteration(iteration, seed);

        public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view) => inner.NextOperation(enabled, view);

        public bool NextBoolean() => inner.NextBoolean();

        public int NextInteger(int maxExclusive) => inner.NextInteger(maxExclusive);

        public bool FinishIteration(in IterationResult result) => true;
    }
}
