using Persona.Systematic.Actors;
using Persona.Systematic.Specifications;

namespace Persona.Systematic.Runtime;

/// <summary>Hears about every step of an iteration; used for readable logs, sequence diagrams and coverage, never on the fast path.</summary>
internal interface IRuntimeObserver
{
    void OnStep(int step, Operation op, PointKind point);

    void OnCreated(ActorId? creator, ActorId created);

    void OnSend(ActorId? from, ActorId to, Event e, bool viaLink);

    void OnDequeue(Actor actor, Event e);

    void OnHandled(Actor actor, Event e);

    void OnStateEntered(Actor actor, string state);

    void OnHalted(Actor actor);

    void OnMonitorEvent(Monitor monitor, Event e);

    void OnMonitorState(Monitor monitor);

    void OnChoice(DecisionKind kind, int value);

    void OnTimer(TimerInfo timer, string what);

    void OnCrashed(ActorId actor, bool restarted);

    void OnLinkFault(ActorId from, ActorId to, Event e, string what);

    void OnBug(BugReport bug);

    void OnIterationEnd(IterationResult result);
}
