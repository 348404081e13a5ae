using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;

namespace Persona.Systematic.Specifications;

/// <summary>
/// A specification: a state machine that receives notifications and may observe the shared state after
/// every step. Safety uses <see cref="Assert"/>; liveness uses <c>[Hot]</c> and <c>[Cold]</c> states.
/// </summary>
/// <remarks>Monitors run atomically inside the step that notifies them and cannot send.</remarks>
public abstract class Monitor
{
    internal SystematicRuntime Runtime = null!;
    internal StateModel Model = null!;
    internal int Number;
    internal int Temperature;
    private StateInfo current = null!;
    private Event? raised;
    private int gotoTarget = -1;

    /// <summary>The name of the current state.</summary>
    public string CurrentStateName => current?.Name ?? "(not started)";

    /// <summary>Whether the current state is marked <c>[Hot]</c>.</summary>
    public bool IsHot => current?.IsHot ?? false;

    /// <summary>Whether the current state is marked <c>[Cold]</c>.</summary>
    public bool IsCold => current?.IsCold ?? false;

    /// <summary>A readable name for reports.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Whether <see cref="ObserveStep"/> should run after every step.</summary>
    protected internal virtual bool ObservesSteps => false;

    /// <summary>Runs after every step when <see cref="ObservesSteps"/> is true: check invariants over the shared state here.</summary>
    protected internal virtual void ObserveStep()
    {
    }

    /// <summary>Runs when the failure injector crashes an actor.</summary>
    protected internal virtual void OnActorCrashed(ActorId actor)
    {
    }

    /// <summary>The monitor's user fields folded into a hash; override it when lasso detection is on.</summary>
    protected internal virtual int HashState() => 0;

    /// <summary>Fails the iteration with a safety bug when <paramref name="condition"/> is false.</summary>
    protected void Assert(bool condition, string message)
    {
        if (!condition) Runtime.Fail(BugKind.AssertionFailure, $"{Name}: {message}");
    }

    /// <summary>Raises an event the monitor handles right after the current action.</summary>
    protected void RaiseEvent(Event e) => raised = e;

    /// <summary>Moves to <typeparamref name="TState"/> right after the current action.</summary>
    protected void RaiseGotoStateEvent<TState>()
        where TState : State => gotoTarget = Model.IndexOf(typeof(TState));

    /// <summary>The shared abstract state the test registered.</summary>
    protected T SharedState<T>()
        where T : class => Runtime.GetSharedState<T>();

    internal void Start()
    {
        current = Model.States[Model.Start];
        Runtime.OnMonitorState(this);
        current.Entry?.Invoke(this, null);
        Settle();
    }

    internal void Handle(Event e)
    {
        Dispatch(e);
        Settle();
    }

    internal void AfterCrashNotice() => Settle();

    internal void AfterStep()
    {
        ObserveStep();
        Settle();
    }

    private void Settle()
    {
        for (int guard = 0; raised is not null || gotoTarget >= 0; guard++)
        {
            if (guard > 10_000) Runtime.Fail(BugKind.AssertionFailure, $"{Name} raised events forever.");
            if (gotoTarget >= 0)
            {
                int target = gotoTarget;
                gotoTarget = -1;
                GoTo(target, null, null);
            }
            else
            {
                var e = raised!;
                raised = null;
                Dispatch(e);
            }
        }
    }

    private void Dispatch(Event e)
    {
        var h = current.Find(e.GetType(), inheritedOnly: false);
        switch (h.Kind)
        {
            case HandlerKind.Do:
                h.Action!(this, e);
                break;
            case HandlerKind.Goto:
                GoTo(h.TargetState, h.Action, e);
                break;
            case HandlerKind.Ignore:
                break;
            default:
                Runtime.Fail(BugKind.UnhandledEvent, $"{Name} received {e.GetType().Name} in state {current.Name}, which has no handler for it.");
                break;
        }
    }

    private void GoTo(int target, MachineAction? action, Event? e)
    {
        current.Exit?.Invoke(this, null);
        action?.Invoke(this, e);
        current = Model.States[target];
        Runtime.OnMonitorState(this);
        current.Entry?.Invoke(this, e);
    }

    internal int HashEngineState() => HashCode.Combine(GetType(), current?.Index ?? -1, HashState());
}

/// <summary>A safety monitor that evaluates a predicate over the shared abstract state after every step.</summary>
/// <typeparam name="TState">The shared state's type.</typeparam>
/// <param name="name">The invariant's name, used in bug reports.</param>
/// <param name="predicate">Must hold after every step.</param>
public sealed class InvariantMonitor<TState>(string name, Func<TState, bool> predicate) : Monitor
    where TState : class
{
    /// <summary>The invariant's name.</summary>
    public override string Name => name;

    /// <inheritdoc/>
    protected internal override bool ObservesSteps => true;

    /// <inheritdoc/>
    protected internal override void ObserveStep() => Assert(predicate(SharedState<TState>()), "invariant violated");
}
