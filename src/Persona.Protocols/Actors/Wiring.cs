namespace Persona.Protocols.Actors;

/// <summary>Who is who in one iteration, given to every hypervisor service as its initial event.</summary>
/// <param name="Bugs">The seeded bugs switched on.</param>
/// <param name="Cores">The core runners, indexed by core number.</param>
public sealed record Wiring(ProtocolBugs Bugs, IReadOnlyList<ActorId> Cores) : Event
{
    /// <summary>The world-switch manager.</summary>
    public ActorId? SwitchManager { get; init; }

    /// <summary>The device broker.</summary>
    public ActorId? Broker { get; init; }

    /// <summary>The devices' actors, by device id.</summary>
    public IReadOnlyDictionary<long, ActorId> Devices { get; init; } = new Dictionary<long, ActorId>();

    /// <summary>Whether the seeded bug is switched on.</summary>
    public bool Has(ProtocolBugs bug) => (Bugs & bug) != 0;
}
