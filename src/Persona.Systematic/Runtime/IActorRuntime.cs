using Persona.Systematic.Actors;
using Persona.Systematic.Faults;
using Persona.Systematic.Specifications;

namespace Persona.Systematic.Runtime;

/// <summary>What a test's setup can do: create actors and monitors, share an abstract state, and ask for faults.</summary>
public interface IActorRuntime
{
    /// <summary>Creates an actor at once (setup runs before the first scheduling step).</summary>
    ActorId CreateActor<T>(Event? initialEvent = null, string? name = null)
        where T : Actor;

    /// <summary>Puts an event straight into an actor's inbox.</summary>
    void SendEvent(ActorId target, Event e, SendOptions options = default);

    /// <summary>Registers the one monitor of type <typeparamref name="T"/>.</summary>
    void RegisterMonitor<T>()
        where T : Monitor;

    /// <summary>Registers a monitor instance, for monitors built with arguments such as <see cref="InvariantMonitor{TState}"/>.</summary>
    void RegisterMonitor(Monitor monitor);

    /// <summary>Registers a safety invariant over the shared state, checked after every step.</summary>
    void RegisterInvariant<TState>(string name, Func<TState, bool> predicate)
        where TState : class;

    /// <summary>Notifies the monitor of type <typeparamref name="T"/> now.</summary>
    void Monitor<T>(Event e)
        where T : Monitor;

    /// <summary>Sets the shared abstract state that actors update and monitors observe.</summary>
    void SetSharedState(object state);

    /// <summary>The shared abstract state.</summary>
    T GetSharedState<T>()
        where T : class;

    /// <summary>Lets the engine crash <paramref name="actor"/> up to <paramref name="maxCrashes"/> times, optionally restarting it fresh with the same id.</summary>
    void InjectCrashes(ActorId actor, int maxCrashes = 1, bool restart = true);

    /// <summary>Routes messages from <paramref name="from"/> to <paramref name="to"/> through a link the engine may drop, duplicate or reorder on.</summary>
    void ConfigureLink(ActorId from, ActorId to, LinkFaults faults, int maxFaults = 1);

    /// <summary>A boolean chosen by the strategy (for setup-time choices such as configuration variants).</summary>
    bool RandomBoolean();

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>) chosen by the strategy.</summary>
    int RandomInteger(int maxExclusive);
}
