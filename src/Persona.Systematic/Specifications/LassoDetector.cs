using Persona.Systematic.Runtime;

namespace Persona.Systematic.Specifications;

/// <summary>
/// Finds a fair cycle while a monitor is hot: a global state that repeats, where every operation that
/// stayed enabled around the cycle was also scheduled in it. Such a cycle can repeat forever, so the
/// monitor can stay hot forever under a fair scheduler.
/// </summary>
internal sealed class LassoDetector
{
    private readonly Dictionary<long, int> seen = [];
    private readonly List<int> chosen = [];
    private readonly List<int> enabledStart = [];
    private readonly List<int> enabledOps = [];

    public void Clear()
    {
        seen.Clear();
        chosen.Clear();
        enabledStart.Clear();
        enabledOps.Clear();
    }

    public void AfterStep(SystematicRuntime runtime, ReadOnlySpan<int> enabledBefore, int op)
    {
        enabledStart.Add(enabledOps.Count);
        foreach (int e in enabledBefore) enabledOps.Add(e);
        chosen.Add(op);
        long hash = runtime.HashGlobalState();
        int index = chosen.Count;
        if (seen.TryGetValue(hash, out int earlier) && IsFairCycle(earlier, index))
        {
            runtime.Fail(BugKind.LivenessLasso, $"{runtime.HotMonitorName()} is hot on a cycle of {index - earlier} steps that returns to the same state and is fair: every operation enabled throughout it runs in it (liveness bug).");
        }
        seen[hash] = index;
    }

    /// <summary>Steps earlier..index-1 (0-based into the lists) form the cycle.</summary>
    private bool IsFairCycle(int earlier, int index)
    {
        for (int s = earlier; s < index; s++)
        {
            int start = enabledStart[s];
            int end = s + 1 < enabledStart.Count ? enabledStart[s + 1] : enabledOps.Count;
            for (int k = start; k < end; k++)
            {
                int op = enabledOps[k];
                if (EnabledThroughout(op, earlier, index) && !Scheduled(op, earlier, index)) return false;
            }
        }
        return true;
    }

    private bool EnabledThroughout(int op, int from, int to)
    {
        for (int s = from; s < to; s++)
        {
            int start = enabledStart[s];
            int end = s + 1 < enabledStart.Count ? enabledStart[s + 1] : enabledOps.Count;
            bool found = false;
            for (int k = start; k < end && !found; k++) found = enabledOps[k] == op;
            if (!found) return false;
        }
        return true;
    }

    private bool Scheduled(int op, int from, int to)
    {
        for (int s = from; s < to; s++)
        {
            if (chosen[s] == op) return true;
        }
        return false;
    }
}
