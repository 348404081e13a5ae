using System.Globalization;
using System.Text;
using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;

namespace Persona.Systematic.Traces;

/// <summary>Writes one line per thing that happens in a replayed iteration, for a person reading a bug.</summary>
internal sealed class ReadableLog : IRuntimeObserver
{
    private readonly StringBuilder text = new();

    public string Text => text.ToString();

    private void Line(string s) => text.Append(s).Append('\n');

    public void OnStep(int step, Operation op, PointKind point) => Line(string.Create(CultureInfo.InvariantCulture, $"[step {step}] {op.Name}: {point}"));

    public void OnCreated(ActorId? creator, ActorId created) => Line($"    {creator?.ToString() ?? "test"} created {created}");

    public void OnSend(ActorId? from, ActorId to, Event e, bool viaLink) =>
        Line($"    {from?.ToString() ?? "test"} sent {e} to {to}{(viaLink ? " (onto the faulty link)" : "")}");

    public void OnDequeue(Actor actor, Event e) => Line($"    {actor.Id} dequeued {e} in state {actor.CurrentStateName}");

    public void OnHandled(Actor actor, Event e)
    {
    }

    public void OnStateEntered(Actor actor, string state) => Line($"    {actor.Id} entered state {state}");

    public void OnHalted(Actor actor) => Line($"    {actor.Id} halted");

    public void OnMonitorEvent(Monitor monitor, Event e) => Line($"    monitor {monitor.Name} received {e}");

    public void OnMonitorState(Monitor monitor) =>
        Line($"    monitor {monitor.Name} entered {monitor.CurrentStateName}{(monitor.IsHot ? " (hot)" : monitor.IsCold ? " (cold)" : "")}");

    public void OnChoice(DecisionKind kind, int value) =>
        Line(kind == DecisionKind.Boolean ? $"    chose {(value != 0 ? "true" : "false")}" : string.Create(CultureInfo.InvariantCulture, $"    chose {value}"));

    public void OnTimer(TimerInfo timer, string what) => Line($"    timer {timer.Number} of {timer.Owner} {what}");

    public void OnCrashed(ActorId actor, bool restarted) => Line($"    CRASH: {actor}{(restarted ? " crashed and restarted fresh" : " crashed")}");

    public void OnLinkFault(ActorId from, ActorId to, Event e, string what) => Line($"    link {from}->{to} {what} {e}");

    public void OnBug(BugReport bug) => Line($"BUG ({bug.Kind}) at step {bug.Step}: {bug.Message}");

    public void OnIterationEnd(IterationResult result) =>
        Line(string.Create(CultureInfo.InvariantCulture, $"end after {result.Steps} steps{(result.HitMaxSteps ? " (step limit)" : "")}"));
}
