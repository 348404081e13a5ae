using Persona.Systematic.Specifications;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Runtime;

/// <summary>The scheduling loop: collect the enabled operations, ask the strategy, take one step, check the monitors.</summary>
internal sealed partial class SystematicRuntime
{
    private LassoDetector? lasso;

    /// <summary>Runs one iteration of <paramref name="test"/> with a seed derived from the base seed and the iteration number.</summary>
    public IterationResult RunIteration(ISystematicTest test, int iteration, ulong seed)
    {
        Reset();
        strategy.InitializeIteration(iteration, seed);
        bool fair = strategy.IsFair;
        int maxSteps = fair ? config.MaxFairSteps : config.MaxUnfairSteps;
        int threshold = config.EffectiveLivenessThreshold;
        bool hitMax = false;
        bool pruned = false;
        int counted = 0;
        int preemptions = 0;
        if (config.LassoDetection) lasso ??= new LassoDetector();
        lasso?.Clear();
        try
        {
            RunSetup(test);
            while (true)
            {
                int n = 0;
                bool currentEnabled = false;
                for (int i = 0; i < opCount; i++)
                {
                    if (!ops[i].IsEnabled) continue;
                    if (n == enabled.Length) Array.Resize(ref enabled, n * 2);
                    enabled[n++] = i;
                    currentEnabled |= i == current;
                }
                if (n == 0)
                {
                    if (hotMonitors > 0) Fail(BugKind.HotAtQuiescence, $"{FirstHotMonitor().Name} is still hot in state {FirstHotMonitor().CurrentStateName} when the program quiesced.");
                    break;
                }
                if (step >= maxSteps)
                {
                    hitMax = true;
                    if (config.FailOnMaxSteps) Fail(BugKind.MaxStepsReached, $"the iteration reached the step limit of {maxSteps}.");
                    break;
                }
                if (n >= 2) counted++;
                var span = new ReadOnlySpan<int>(enabled, 0, n);
                int chosen = strategy.NextOperation(span, this);
                if (chosen < 0)
                {
                    pruned = true;
                    break;
                }
                var op = ops[chosen];
                if (currentEnabled && chosen != current) preemptions++;
                Decisions.Add(DecisionKind.Schedule, chosen, op.NextPoint);
                Observer?.OnStep(step, op, op.NextPoint);
                current = chosen;
                TakeStep(op);
                step++;
                if (observingMonitors.Length > 0) ObserveStep();
                if (hotMonitors > 0)
                {
                    if (fair) RaiseTemperature(threshold);
                    lasso?.AfterStep(this, span, chosen);
                }
            }
        }
        catch (IterationAbortedException)
        {
        }
        var result = new IterationResult(bug, step, hitMax, pruned, preemptions, counted, opCount);
        Observer?.OnIterationEnd(result);
        return result;
    }

    private void RunSetup(ISystematicTest test)
    {
        try
        {
            test.Setup(this);
        }
        catch (Exception e) when (e is not IterationAbortedException and not Traces.TraceDivergenceException)
        {
            Fail(BugKind.UnhandledException, $"the test's setup threw {e.GetType().Name}: {e.Message}");
        }
    }

    private void TakeStep(Operation op)
    {
        try
        {
            op.Step();
        }
        catch (Exception e) when (e is not IterationAbortedException and not Traces.TraceDivergenceException)
        {
            Fail(BugKind.UnhandledException, $"{op.Name} threw {e.GetType().Name}: {e.Message}");
        }
    }

    private void ObserveStep()
    {
        foreach (var m in observingMonitors)
        {
            try
            {
                m.AfterStep();
            }
            catch (Exception e) when (e is not IterationAbortedException and not Traces.TraceDivergenceException)
            {
                Fail(BugKind.UnhandledException, $"monitor {m.Name} threw {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private void RaiseTemperature(int threshold)
    {
        foreach (var m in monitors)
        {
            if (m.IsHot && ++m.Temperature > threshold)
            {
                Fail(BugKind.LivenessTemperature, $"{m.Name} stayed hot in state {m.CurrentStateName} for more than {threshold} steps (potential liveness bug).");
            }
        }
    }

    /// <summary>The name and state of the first hot monitor, for liveness messages.</summary>
    internal string HotMonitorName() => $"{FirstHotMonitor().Name} (state {FirstHotMonitor().CurrentStateName})";

    private Monitor FirstHotMonitor()
    {
        foreach (var m in monitors)
        {
            if (m.IsHot) return m;
        }
        throw new InvalidOperationException("no hot monitor");
    }

    /// <summary>Called when a monitor changes state: keeps the hot count, and cools the temperature when it leaves hot.</summary>
    internal void OnMonitorState(Monitor monitor)
    {
        if (!monitor.IsHot) monitor.Temperature = 0;
        int hot = 0;
        foreach (var m in monitors) hot += m.IsHot ? 1 : 0;
        if (hot == 0) lasso?.Clear();
        hotMonitors = hot;
        Observer?.OnMonitorState(monitor);
    }

    private void Reset()
    {
        Array.Clear(ops, 0, opCount);
        opCount = 0;
        monitors.Clear();
        observingMonitors = [];
        shared = null;
        links = null;
        stoppedTimers.Clear();
        bug = null;
        step = 0;
        current = -1;
        hotMonitors = 0;
        Decisions.Clear();
    }

    /// <summary>A hash of everything the engine can see: actors, timers, links, monitors and the shared state.</summary>
    internal long HashGlobalState()
    {
        ulong h = 1469598103934665603UL;
        for (int i = 0; i < opCount; i++) h = (h ^ (uint)ops[i].HashState()) * 1099511628211UL;
        foreach (var m in monitors) h = (h ^ (uint)m.HashEngineState()) * 1099511628211UL;
        if (shared is not null) h = (h ^ (uint)shared.GetHashCode()) * 1099511628211UL;
        return (long)h;
    }
}
