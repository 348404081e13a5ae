namespace Persona.Systematic.Runtime;

/// <summary>The kind of one recorded decision.</summary>
public enum DecisionKind : byte
{
    /// <summary>Which operation takes the next step.</summary>
    Schedule,

    /// <summary>A boolean value.</summary>
    Boolean,

    /// <summary>An integer value.</summary>
    Integer,
}

/// <summary>One recorded decision of an iteration.</summary>
/// <param name="Kind">What was decided.</param>
/// <param name="Value">The operation id, 0/1 for a boolean, or the integer.</param>
/// <param name="Point">For a schedule decision, what the chosen operation did.</param>
public readonly record struct Decision(DecisionKind Kind, int Value, PointKind Point);

/// <summary>Every decision of the current iteration, in arrays reused across iterations so recording does not allocate.</summary>
internal sealed class DecisionLog
{
    private Decision[] items = new Decision[1024];

    public int Count { get; private set; }

    public Decision this[int index] => items[index];

    public void Clear() => Count = 0;

    public void Add(DecisionKind kind, int value, PointKind point)
    {
        if (Count == items.Length) Array.Resize(ref items, items.Length * 2);
        items[Count++] = new Decision(kind, value, point);
    }

    public Decision[] ToArray() => items.AsSpan(0, Count).ToArray();
}
