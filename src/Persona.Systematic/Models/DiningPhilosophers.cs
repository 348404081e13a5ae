using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Models;

/// <summary>A philosopher asks a fork for itself.</summary>
/// <param name="Philosopher">Who asks.</param>
public sealed record AcquireFork(ActorId Philosopher) : Event;

/// <summary>The fork is now held by the asker.</summary>
public sealed record ForkGranted : Event
{
    /// <summary>The one instance.</summary>
    public static readonly ForkGranted Instance = new();
}

/// <summary>The holder puts the fork down.</summary>
public sealed record ReleaseFork : Event
{
    /// <summary>The one instance.</summary>
    public static readonly ReleaseFork Instance = new();
}

/// <summary>Tells a philosopher its two forks, in the order it picks them up, and its seat.</summary>
/// <param name="First">The fork picked up first.</param>
/// <param name="Second">The fork picked up second.</param>
/// <param name="Number">The philosopher's number.</param>
public sealed record SeatAssignment(ActorId First, ActorId Second, int Number) : Event;

/// <summary>Notifies the monitor that a philosopher has eaten.</summary>
/// <param name="Seat">Who ate.</param>
public sealed record Ate(int Seat) : Event;

/// <summary>A fork: grants itself to one philosopher at a time and defers other requests meanwhile.</summary>
public sealed class Fork : StateMachine
{
    private ActorId? holder;

    [Start]
    [OnEventDoAction(typeof(AcquireFork), nameof(Grant))]
    [IgnoreEvents(typeof(ReleaseFork))]
    private sealed class Free : State;

    [DeferEvents(typeof(AcquireFork))]
    [OnEventGotoState(typeof(ReleaseFork), typeof(Free))]
    private sealed class Taken : State;

    private void Grant(AcquireFork request)
    {
        holder = request.Philosopher;
        Send(holder, ForkGranted.Instance);
        RaiseGotoStateEvent<Taken>();
    }

    /// <inheritdoc/>
    protected internal override int HashState() => holder?.Value ?? -1;
}

/// <summary>A philosopher: picks up its first fork, then its second, eats once, puts both down.</summary>
[OnEventDoAction(typeof(ForkGranted), nameof(OnGranted))]
public sealed class Philosopher : Actor
{
    private SeatAssignment seat = null!;
    private int held;

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        seat = (SeatAssignment)initialEvent!;
        Send(seat.First, new AcquireFork(Id));
    }

    private void OnGranted()
    {
        if (++held == 1)
        {
            Send(seat.Second, new AcquireFork(Id));
            return;
        }
        Monitor<EveryoneEats>(new Ate(seat.Number));
        Send(seat.First, ReleaseFork.Instance);
        Send(seat.Second, ReleaseFork.Instance);
        RaiseHaltEvent();
    }
}

/// <summary>Liveness: hot until every philosopher has eaten, so a deadlock (quiescence while hot) is a bug.</summary>
public sealed class EveryoneEats : Monitor
{
    private readonly HashSet<int> ate = [];

    /// <summary>How many philosophers must eat.</summary>
    public int Philosophers { get; set; }

    [Start]
    [Hot]
    [OnEventDoAction(typeof(Ate), nameof(OnAte))]
    private sealed class Hungry : State;

    [Cold]
    [IgnoreEvents(typeof(Ate))]
    private sealed class Done : State;

    private void OnAte(Ate e)
    {
        ate.Add(e.Seat);
        if (ate.Count == Philosophers) RaiseGotoStateEvent<Done>();
    }
}

/// <summary>Dining philosophers with N seats; with the bug every philosopher picks its left fork first, which can deadlock.</summary>
/// <param name="seats">N.</param>
/// <param name="bug">False makes the last philosopher pick its right fork first (resource ordering), which cannot deadlock.</param>
public class DiningPhilosophersTest(int seats, bool bug) : ISystematicTest
{
    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor(new EveryoneEats { Philosophers = seats });
        var forks = new ActorId[seats];
        for (int i = 0; i < seats; i++) forks[i] = runtime.CreateActor<Fork>();
        for (int i = 0; i < seats; i++)
        {
            var left = forks[i];
            var right = forks[(i + 1) % seats];
            bool flip = !bug && i == seats - 1;
            runtime.CreateActor<Philosopher>(flip ? new SeatAssignment(right, left, i) : new SeatAssignment(left, right, i));
        }
    }
}

/// <summary>Three philosophers that can deadlock.</summary>
[SystematicTest("dining-philosophers-3-bug", ExpectsBug = true, Description = "3 philosophers, all left-first: deadlock (hot at quiescence)")]
public sealed class DiningPhilosophers3Bug() : DiningPhilosophersTest(3, true);

/// <summary>Five philosophers that can deadlock.</summary>
[SystematicTest("dining-philosophers-5-bug", ExpectsBug = true, Description = "5 philosophers, all left-first: deadlock")]
public sealed class DiningPhilosophers5Bug() : DiningPhilosophersTest(5, true);

/// <summary>Three philosophers with resource ordering.</summary>
[SystematicTest("dining-philosophers-3", Description = "3 philosophers, last one right-first; bug-free")]
public sealed class DiningPhilosophers3() : DiningPhilosophersTest(3, false);
