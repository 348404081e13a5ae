namespace Persona.Smt;

/// <summary>The span during which the handles of one scope (or of the context itself) stay referenced.</summary>
/// <remarks>Every wrapper keeps the lifetime it was made in; using a wrapper after its scope closed throws instead of
/// handing Z3 a freed pointer.</remarks>
internal sealed class Lifetime(string description)
{
    /// <summary>False once the scope has released its references.</summary>
    internal bool IsOpen { get; private set; } = true;

    /// <summary>Says where the lifetime came from, for the use-after-close message.</summary>
    internal string Description { get; } = description;

    /// <summary>Marks the lifetime closed: its handles are no longer referenced.</summary>
    internal void Close() => IsOpen = false;
}
