using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;

namespace Persona.Systematic.Traces;

/// <summary>Feeds the recorded decisions back, checking each one: the kind, that the operation is enabled, and what it does.</summary>
/// <param name="decisions">The recorded decisions.</param>
/// <param name="fair">Whether the recorded iteration was fair.</param>
/// <param name="source">The trace's name for messages (a file path).</param>
internal sealed class ReplayStrategy(IReadOnlyList<Decision> decisions, bool fair, string source) : ISchedulingStrategy
{
    private int position;
    private int current;
    private IScheduleView? view;

    public int Position => position;

    public string Description => "replay";

    public bool IsFair => fair;

    public void InitializeIteration(int iteration, ulong seed) => position = 0;

    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView scheduleView)
    {
        view = scheduleView;
        var d = Expect(DecisionKind.Schedule);
        if (!enabled.Contains(d.Value))
        {
            throw Diverge($"the trace schedules operation {d.Value}, which is not enabled (enabled: {string.Join(", ", enabled.ToArray())}).");
        }
        var point = scheduleView.PointOf(d.Value);
        if (point != d.Point) throw Diverge($"operation {d.Value} is at a {point} point, but the trace recorded {d.Point}.");
        return d.Value;
    }

    public bool NextBoolean() => Expect(DecisionKind.Boolean).Value != 0;

    public int NextInteger(int maxExclusive)
    {
        var d = Expect(DecisionKind.Integer);
        if (d.Value < 0 || d.Value >= maxExclusive) throw Diverge($"the trace chose integer {d.Value}, outside [0, {maxExclusive}).");
        return d.Value;
    }

    public bool FinishIteration(in IterationResult result) => true;

    private Decision Expect(DecisionKind kind)
    {
        current = position;
        if (position >= decisions.Count) throw Diverge($"the program asks for a {kind} decision, but the trace has no more decisions.");
        var d = decisions[position];
        if (d.Kind != kind) throw Diverge($"the program asks for a {kind} decision, but the trace recorded {d.Kind}.");
        position++;
        return d;
    }

    private TraceDivergenceException Diverge(string detail) => new(source, current, view?.Step ?? 0, detail);
}

/// <summary>Follows recorded decisions where they still fit and falls back to non-preempting defaults where they do not; the shrinker's replay.</summary>
/// <param name="decisions">The candidate decisions.</param>
/// <param name="fair">Whether the iteration is fair.</param>
internal sealed class GuidedStrategy(IReadOnlyList<Decision> decisions, bool fair) : ISchedulingStrategy
{
    private int position;

    public string Description => "guided";

    public bool IsFair => fair;

    public void InitializeIteration(int iteration, ulong seed) => position = 0;

    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view)
    {
        while (position < decisions.Count && decisions[position].Kind != DecisionKind.Schedule) position++;
        if (position < decisions.Count)
        {
            int wanted = decisions[position++].Value;
            if (enabled.Contains(wanted)) return wanted;
        }
        int current = view.CurrentOperation;
        return enabled.Contains(current) ? current : enabled[0];
    }

    public bool NextBoolean() => Take(DecisionKind.Boolean, 2) == 1;

    public int NextInteger(int maxExclusive) => Take(DecisionKind.Integer, maxExclusive);

    private int Take(DecisionKind kind, int maxExclusive)
    {
        if (position < decisions.Count && decisions[position].Kind == kind)
        {
            int value = decisions[position++].Value;
            return value < maxExclusive ? value : 0;
        }
        return 0;
    }

    public bool FinishIteration(in IterationResult result) => true;
}
