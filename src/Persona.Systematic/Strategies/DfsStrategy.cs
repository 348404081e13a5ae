using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>
/// Exhaustive stateless depth-first search over every decision (schedules, booleans, integers) with
/// sleep-set partial-order reduction: after exploring operation a at a node, a sibling b's subtree skips a
/// for as long as the steps taken are independent of a (disjoint footprints), because those orders commute.
/// It replays the current path each iteration and backtracks at the end; <see cref="IsExhausted"/> says when
/// the whole tree has been explored.
/// </summary>
/// <param name="sleepSets">Whether to prune with sleep sets (off only to measure what they save).</param>
public sealed class DfsStrategy(bool sleepSets = true) : ISchedulingStrategy
{
    private sealed class Node
    {
        public DecisionKind Kind;
        public int[] Options = [];
        public Footprint[] Footprints = [];
        public bool[] Done = [];
        public List<(int Op, Footprint Footprint)> Sleep = [];
        public int Chosen;
    }

    private readonly List<Node> path = [];
    private List<(int Op, Footprint Footprint)> pendingSleep = [];
    private int depth;

    /// <summary>Whether every path has been explored.</summary>
    public bool IsExhausted { get; private set; }

    /// <summary>How many schedule choices were skipped because the operation was asleep.</summary>
    public long SleepSkips { get; private set; }

    /// <inheritdoc/>
    public string Description => sleepSets ? "dfs+sleep-sets" : "dfs";

    /// <inheritdoc/>
    public bool IsFair => false;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed)
    {
        depth = 0;
        pendingSleep = [];
    }

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view)
    {
        Node node;
        if (depth < path.Count)
        {
            node = path[depth];
        }
        else
        {
            node = new Node
            {
                Kind = DecisionKind.Schedule,
                Options = enabled.ToArray(),
                Footprints = new Footprint[enabled.Length],
                Done = new bool[enabled.Length],
                Sleep = pendingSleep,
                Chosen = -1,
            };
            for (int i = 0; i < enabled.Length; i++) node.Footprints[i] = view.FootprintOf(enabled[i]);
            node.Chosen = NextAwake(node, 0);
            if (node.Chosen < 0)
            {
                SleepSkips++;
                return -1;
            }
            node.Done[node.Chosen] = true;
            path.Add(node);
        }
        depth++;
        pendingSleep = sleepSets ? ChildSleep(node) : [];
        return node.Options[node.Chosen];
    }

    /// <summary>The sleep set after taking the chosen option: sleeping and already-explored siblings that commute with it.</summary>
    private static List<(int Op, Footprint Footprint)> ChildSleep(Node node)
    {
        var chosen = node.Footprints[node.Chosen];
        var result = new List<(int, Footprint)>();
        foreach (var s in node.Sleep)
        {
            if (!s.Footprint.ConflictsWith(chosen)) result.Add(s);
        }
        for (int i = 0; i < node.Options.Length; i++)
        {
            if (i != node.Chosen && node.Done[i] && !node.Footprints[i].ConflictsWith(chosen)) result.Add((node.Options[i], node.Footprints[i]));
        }
        return result;
    }

    private static int NextAwake(Node node, int from)
    {
        for (int i = from; i < node.Options.Length; i++)
        {
            if (node.Done[i]) continue;
            bool asleep = false;
            foreach (var s in node.Sleep) asleep |= s.Op == node.Options[i];
            if (!asleep) return i;
        }
        return -1;
    }

    /// <inheritdoc/>
    public bool NextBoolean() => NextValue(DecisionKind.Boolean, 2) == 1;

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => NextValue(DecisionKind.Integer, maxExclusive);

    private int NextValue(DecisionKind kind, int count)
    {
        Node node;
        if (depth < path.Count)
        {
            node = path[depth];
        }
        else
        {
            node = new Node { Kind = kind, Options = new int[count], Done = new bool[count], Chosen = 0 };
            for (int i = 0; i < count; i++) node.Options[i] = i;
            node.Done[0] = true;
            path.Add(node);
        }
        depth++;
        return node.Options[node.Chosen];
    }

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result)
    {
        while (path.Count > 0)
        {
            var top = path[^1];
            int next = top.Kind == DecisionKind.Schedule ? NextAwake(top, 0) : Array.IndexOf(top.Done, false);
            if (next >= 0)
            {
                top.Chosen = next;
                top.Done[next] = true;
                return true;
            }
            path.RemoveAt(path.Count - 1);
        }
        IsExhausted = true;
        return false;
    }
}
