using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;

namespace Persona.Systematic.Traces;

/// <summary>Forwards every observation to several observers.</summary>
internal sealed class MultiObserver(params IRuntimeObserver[] observers) : IRuntimeObserver
{
    public void OnStep(int step, Operation op, PointKind point)
    {
        foreach (var o in observers) o.OnStep(step, op, point);
    }

    public void OnCreated(ActorId? creator, ActorId created)
    {
        foreach (var o in observers) o.OnCreated(creator, created);
    }

    public void OnSend(ActorId? from, ActorId to, Event e, bool viaLink)
    {
        foreach (var o in observers) o.OnSend(from, to, e, viaLink);
    }

    public void OnDequeue(Actor actor, Event e)
    {
        foreach (var o in observers) o.OnDequeue(actor, e);
    }

    public void OnHandled(Actor actor, Event e)
    {
        foreach (var o in observers) o.OnHandled(actor, e);
    }

    public void OnStateEntered(Actor actor, string state)
    {
        foreach (var o in observers) o.OnStateEntered(actor, state);
    }

    public void OnHalted(Actor actor)
    {
        foreach (var o in observers) o.OnHalted(actor);
    }

    public void OnMonitorEvent(Monitor monitor, Event e)
    {
        foreach (var o in observers) o.OnMonitorEvent(monitor, e);
    }

    public void OnMonitorState(Monitor monitor)
    {
        foreach (var o in observers) o.OnMonitorState(monitor);
    }

    public void OnChoice(DecisionKind kind, int value)
    {
        foreach (var o in observers) o.OnChoice(kind, value);
    }

    public void OnTimer(TimerInfo timer, string what)
    {
        foreach (var o in observers) o.OnTimer(timer, what);
    }

    public void OnCrashed(ActorId actor, bool restarted)
    {
        foreach (var o in observers) o.OnCrashed(actor, restarted);
    }

    public void OnLinkFault(ActorId from, ActorId to, Event e, string what)
    {
        foreach (var o in observers) o.OnLinkFault(from, to, e, what);
    }

    public void OnBug(BugReport bug)
    {
        foreach (var o in observers) o.OnBug(bug);
    }

    public void OnIterationEnd(IterationResult result)
    {
        foreach (var o in observers) o.OnIterationEnd(result);
    }
}
