namespace Persona.Systematic.Actors;

/// <summary>The address of an actor; actors refer to each other only through these.</summary>
/// <remarks>A class, because an id returned by a create inside a handler is bound to its slot when the create is delivered.</remarks>
public sealed class ActorId
{
    internal ActorId(Type type, string? name)
    {
        Type = type;
        Name = name;
    }

    /// <summary>The actor's slot number in its iteration, or -1 before the create is delivered.</summary>
    public int Value { get; internal set; } = -1;

    /// <summary>The actor's class.</summary>
    public Type Type { get; }

    /// <summary>An optional friendly name given at creation.</summary>
    public string? Name { get; }

    /// <summary>A readable name such as <c>Server(2)</c>.</summary>
    public override string ToString() => Name ?? $"{Type.Name}({Value})";
}
