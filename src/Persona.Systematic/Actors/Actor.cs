using Persona.Systematic.Runtime;

namespace Persona.Systematic.Actors;

/// <summary>
/// An actor: an inbox, handlers and private fields, addressed only by its <see cref="ActorId"/>.
/// A plain actor declares <c>[OnEventDoAction]</c> on its class; a <see cref="StateMachine"/> declares nested states.
/// </summary>
/// <remarks>
/// Handlers are synchronous and run to completion. Sends, creates, monitor notifications and timer
/// controls are buffered in program order and each is delivered at its own scheduling point, which
/// gives the same interleavings of visible effects as Coyote's send-time scheduling points.
/// </remarks>
public abstract partial class Actor
{
    internal SystematicRuntime Runtime = null!;
    internal StateModel Model = null!;
    internal Inbox InboxEvents;
    internal EffectQueue Effects;
    internal Event? InitialEvent;
    internal bool Initialized;
    internal bool Halted;
    private StateInfo[] stack = new StateInfo[4];
    private int depth;
    private bool stackHasDeferOrIgnore;
    private int timerCount;

    /// <summary>This actor's address.</summary>
    public ActorId Id { get; internal set; } = null!;

    /// <summary>How many times the failure injector has crashed and restarted this actor's slot.</summary>
    public int RestartCount { get; internal set; }

    /// <summary>The name of the state on top of the state stack.</summary>
    public string CurrentStateName => depth > 0 ? stack[depth - 1].Name : "(not started)";

    /// <summary>How many states are on the stack (1 unless states were pushed).</summary>
    public int StateDepth => depth;

    /// <summary>The actor's user fields folded into a hash; override it when lasso detection is on.</summary>
    protected internal virtual int HashState() => 0;

    /// <summary>Runs when the actor starts, before the start state's entry action; receives the creation event.</summary>
    protected virtual void OnInitialize(Event? initialEvent)
    {
    }

    internal void Initialize(Event? initialEvent) => OnInitialize(initialEvent);

    /// <summary>Runs when the actor halts (by a halt event or <see cref="RaiseHaltEvent"/>).</summary>
    protected virtual void OnHalt()
    {
    }

    /// <summary>Sends an event; it reaches the receiver's inbox at a later scheduling point, in program order.</summary>
    protected void Send(ActorId target, Event e, SendOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(e);
        Effects.Enqueue(new Effect { Kind = EffectKind.Send, Target = target, Event = e, Options = options });
    }

    /// <summary>Creates an actor; the id is usable at once, and the actor exists from the create's scheduling point on.</summary>
    protected ActorId CreateActor<T>(Event? initialEvent = null, string? name = null)
        where T : Actor
    {
        var id = new ActorId(typeof(T), name);
        Effects.Enqueue(new Effect { Kind = EffectKind.Create, Target = id, Event = initialEvent });
        return id;
    }

    /// <summary>Notifies the monitor of type <typeparamref name="T"/> at a later scheduling point, in program order.</summary>
    protected void Monitor<T>(Event e)
        where T : Specifications.Monitor =>
        Effects.Enqueue(new Effect { Kind = EffectKind.Monitor, MonitorType = typeof(T), Event = e });

    /// <summary>Starts a one-shot timer; under test it fires when the engine decides.</summary>
    protected TimerInfo StartTimer(object? payload = null) => StartTimerCore(periodic: false, payload);

    /// <summary>Starts a periodic timer; under test it fires whenever the engine decides, until stopped.</summary>
    protected TimerInfo StartPeriodicTimer(object? payload = null) => StartTimerCore(periodic: true, payload);

    /// <summary>Stops a timer at once (it cannot fire after this call); an elapsed event already in the inbox stays there, as in Coyote.</summary>
    protected void StopTimer(TimerInfo timer) => Runtime.StopTimer(timer);

    private TimerInfo StartTimerCore(bool periodic, object? payload)
    {
        var info = new TimerInfo(Id, timerCount++, periodic, payload);
        Effects.Enqueue(new Effect { Kind = EffectKind.StartTimer, Timer = info });
        return info;
    }

    /// <summary>A boolean chosen by the scheduling strategy and recorded in the trace.</summary>
    protected bool RandomBoolean() => Runtime.ChooseBoolean();

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>) chosen by the strategy and recorded in the trace.</summary>
    protected int RandomInteger(int maxExclusive) => Runtime.ChooseInteger(maxExclusive);

    /// <summary>Fails the iteration with a safety bug when <paramref name="condition"/> is false.</summary>
    protected void Assert(bool condition, string message)
    {
        if (!condition) Runtime.Fail(BugKind.AssertionFailure, $"{Id}: {message}");
    }

    /// <summary>The shared abstract state the test registered.</summary>
    protected T SharedState<T>()
        where T : class => Runtime.GetSharedState<T>();
}
