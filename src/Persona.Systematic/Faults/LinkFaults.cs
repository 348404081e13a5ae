namespace Persona.Systematic.Faults;

/// <summary>The faults a link may show; the engine decides when, within the link's budget.</summary>
[Flags]
public enum LinkFaults
{
    /// <summary>A plain FIFO link.</summary>
    None = 0,

    /// <summary>A message may be lost.</summary>
    Drop = 1,

    /// <summary>A message may be delivered twice.</summary>
    Duplicate = 2,

    /// <summary>Any in-flight message may be delivered next (no budget: reordering is free).</summary>
    Reorder = 4,
}
