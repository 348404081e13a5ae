using Persona.Systematic.Actors;
using Persona.Systematic.Faults;
using Persona.Systematic.Specifications;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Runtime;

/// <summary>
/// The single-threaded deterministic runtime of one worker: it runs iterations one after another,
/// reusing its buffers, and sends every nondeterministic choice through its strategy.
/// </summary>
internal sealed partial class SystematicRuntime : IActorRuntime, IScheduleView
{
    private readonly TestConfiguration config;
    private Operation[] ops = new Operation[16];
    private int opCount;
    private int[] enabled = new int[16];
    private readonly List<Monitor> monitors = [];
    private Monitor[] observingMonitors = [];
    private object? shared;
    private Dictionary<long, LinkOperation>? links;
    private readonly HashSet<TimerInfo> stoppedTimers = new(ReferenceEqualityComparer.Instance);
    private ISchedulingStrategy strategy;
    private BugReport? bug;
    private int step;
    private int current = -1;
    private int hotMonitors;

    public SystematicRuntime(TestConfiguration config, ISchedulingStrategy strategy)
    {
        this.config = config;
        this.strategy = strategy;
    }

    /// <summary>Every decision of the current or last iteration.</summary>
    public DecisionLog Decisions { get; } = new();

    /// <summary>Receives a description of every step when a log, diagram or coverage is wanted; null on the fast path.</summary>
    public IRuntimeObserver? Observer { get; set; }

    /// <summary>The strategy; replaced for replay and shrinking.</summary>
    public ISchedulingStrategy Strategy
    {
        get => strategy;
        set => strategy = value;
    }

    public int OperationCount => opCount;

    public int CurrentOperation => current;

    public int Step => step;

    public bool HasSharedState => shared is not null;

    /// <summary>The monitors of the current iteration.</summary>
    public IReadOnlyList<Monitor> Monitors => monitors;

    public Footprint FootprintOf(int operation) => ops[operation].NextFootprint;

    public PointKind PointOf(int operation) => ops[operation].NextPoint;

    internal Operation OperationAt(int id) => ops[id];

    /// <summary>Stops the iteration with a bug; the first bug wins.</summary>
    public void Fail(BugKind kind, string message)
    {
        if (bug is null)
        {
            bug = new BugReport(kind, message, step);
            Observer?.OnBug(bug);
        }
        throw new IterationAbortedException(message);
    }

    public bool ChooseBoolean()
    {
        bool value = strategy.NextBoolean();
        Decisions.Add(DecisionKind.Boolean, value ? 1 : 0, default);
        Observer?.OnChoice(DecisionKind.Boolean, value ? 1 : 0);
        return value;
    }

    public int ChooseInteger(int maxExclusive)
    {
        if (maxExclusive <= 0) Fail(BugKind.AssertionFailure, $"RandomInteger({maxExclusive}) needs a positive bound.");
        // A choice among one value is no choice: it is neither asked of the strategy nor recorded.
        if (maxExclusive == 1) return 0;
        int value = strategy.NextInteger(maxExclusive);
        Decisions.Add(DecisionKind.Integer, value, default);
        Observer?.OnChoice(DecisionKind.Integer, value);
        return value;
    }

    public T GetSharedState<T>()
        where T : class =>
        shared as T ?? throw new InvalidOperationException($"The test set no shared state of type {typeof(T).Name}.");

    public void SetSharedState(object state) => shared = state;

    public bool RandomBoolean() => ChooseBoolean();

    public int RandomInteger(int maxExclusive) => ChooseInteger(maxExclusive);

    public ActorId CreateActor<T>(Event? initialEvent = null, string? name = null)
        where T : Actor
    {
        var id = new ActorId(typeof(T), name);
        CreateActorCore(null, id, initialEvent);
        return id;
    }

    public void SendEvent(ActorId target, Event e, SendOptions options = default) => Enqueue(null, target, e, options);

    public void RegisterMonitor<T>()
        where T : Monitor
    {
        var model = StateModel.Of(typeof(T));
        var factory = model.Factory ?? throw new InvalidOperationException($"{typeof(T).Name} needs a parameterless constructor; register an instance instead.");
        RegisterMonitor((Monitor)factory());
    }

    public void RegisterMonitor(Monitor monitor)
    {
        foreach (var m in monitors)
        {
            if (m.GetType() == monitor.GetType() && !monitor.GetType().IsGenericType)
            {
                throw new InvalidOperationException($"Monitor {monitor.Name} is already registered.");
            }
        }
        monitor.Runtime = this;
        monitor.Model = StateModel.Of(monitor.GetType());
        monitor.Number = monitors.Count;
        monitor.Temperature = 0;
        monitors.Add(monitor);
        if (monitor.ObservesSteps) observingMonitors = [.. observingMonitors, monitor];
        monitor.Start();
    }

    public void RegisterInvariant<TState>(string name, Func<TState, bool> predicate)
        where TState : class => RegisterMonitor(new InvariantMonitor<TState>(name, predicate));

    public void Monitor<T>(Event e)
        where T : Monitor => InvokeMonitor(typeof(T), e);

    public void InjectCrashes(ActorId actor, int maxCrashes = 1, bool restart = true)
    {
        if (actor.Value < 0 || ops[actor.Value] is not ActorSlot slot) throw new InvalidOperationException($"{actor} is not an actor of this test.");
        AddOperation(new CrashOperation(opCount, this, slot, maxCrashes, restart));
    }

    public void ConfigureLink(ActorId from, ActorId to, LinkFaults faults, int maxFaults = 1)
    {
        links ??= [];
        var link = new LinkOperation(opCount, this, from, to, faults, maxFaults);
        links[LinkKey(from.Value, to.Value)] = link;
        AddOperation(link);
    }

    private static long LinkKey(int from, int to) => ((long)from << 32) | (uint)to;

    internal void AddOperation(Operation op)
    {
        if (opCount == ops.Length) Array.Resize(ref ops, opCount * 2);
        ops[opCount++] = op;
    }

    /// <summary>Makes the actor for an id; called at setup and when a buffered create is delivered.</summary>
    internal void CreateActorCore(ActorId? creator, ActorId id, Event? initialEvent)
    {
        var model = StateModel.Of(id.Type);
        var factory = model.Factory ?? throw new InvalidOperationException($"{id.Type.Name} needs a parameterless constructor.");
        var actor = (Actor)factory();
        actor.Runtime = this;
        actor.Model = model;
        actor.Id = id;
        actor.InitialEvent = initialEvent;
        id.Value = opCount;
        AddOperation(new ActorSlot(opCount, this, actor));
        Observer?.OnCreated(creator, id);
    }

    internal ActorSlot SlotOf(ActorId id) => (ActorSlot)ops[id.Value];
}
