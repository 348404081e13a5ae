using Persona.Spec.Model;

namespace Persona.Spec.Concrete;

/// <summary>A concrete abstract state: one value per field (bool, enum ordinal as int, element id as long, or <see cref="MapValue"/>).</summary>
/// <remarks>Values sit in an array in <see cref="Fields.All"/> order, so a compiled term reads a field by its index, and a step
/// that changes a few fields copies twenty references, not a dictionary; the maps themselves are shared between states.</remarks>
public sealed class ConcreteState
{
    private static readonly Dictionary<string, int> IndexByName =
        Fields.All.Count <= 64 ? Fields.All.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i)
        : throw new InvalidOperationException($"field masks hold 64 fields, the spec has {Fields.All.Count}");

    private readonly object[] values;

    /// <summary>A state with the given field values; every field must be present.</summary>
    public ConcreteState(Dictionary<string, object> values)
    {
        this.values = new object[Fields.All.Count];
        for (var i = 0; i < Fields.All.Count; i++)
        {
            if (!values.TryGetValue(Fields.All[i].Name, out var value))
                throw new ArgumentException($"concrete state lacks field {Fields.All[i].Name}");
            this.values[i] = value;
        }
    }

    private ConcreteState(object[] values) => this.values = values;

    /// <summary>The value of a field.</summary>
    public object this[string field] => values[IndexOf(field)];

    /// <summary>The value of a typed field.</summary>
    public object Get(IField field) => values[IndexOf(field.Name)];

    /// <summary>The value of the field at an index of <see cref="Fields.All"/> (what compiled terms read).</summary>
    internal object ValueAt(int index) => values[index];

    /// <summary>A copy with some fields replaced.</summary>
    public ConcreteState With(IReadOnlyDictionary<string, object> changes)
    {
        var copy = (object[])values.Clone();
        foreach (var (k, v) in changes) copy[IndexOf(k)] = v;
        return new ConcreteState(copy);
    }

    /// <summary>A copy with the fields at the given indexes of <see cref="Fields.All"/> replaced, in order (what an operation's effect writes).</summary>
    internal ConcreteState With(int[] fieldIndexes, object[] newValues)
    {
        var copy = (object[])values.Clone();
        for (var i = 0; i < fieldIndexes.Length; i++) copy[fieldIndexes[i]] = newValues[i];
        return new ConcreteState(copy);
    }

    /// <summary>The fields whose values differ from another state's (maps compare by identity, so a map stored into counts as changed).</summary>
    public List<IField> FieldsChangedFrom(ConcreteState other)
    {
        var changed = new List<IField>();
        for (var i = 0; i < values.Length; i++)
        {
            if (!ReferenceEquals(values[i], other.values[i]) && !values[i].Equals(other.values[i]))
                changed.Add(Fields.All[i]);
        }
        return changed;
    }

    /// <summary>A mask with one bit per field of <see cref="Fields.All"/> (bit i for field i) that differs from another state's: what
    /// <see cref="FieldsChangedFrom"/> says, without allocating (a validator asks it after every trap).</summary>
    public ulong ChangedFieldMask(ConcreteState other)
    {
        ulong changed = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!ReferenceEquals(values[i], other.values[i]) && !values[i].Equals(other.values[i]))
                changed |= 1UL << i;
        }
        return changed;
    }

    /// <summary>The mask of the named fields, as <see cref="ChangedFieldMask"/> numbers them.</summary>
    public static ulong FieldMask(IEnumerable<string> fields)
    {
        ulong mask = 0;
        foreach (var field in fields)
            mask |= 1UL << IndexOf(field);
        return mask;
    }

    /// <summary>The index of a field in <see cref="Fields.All"/>, or -1 when no field has the name.</summary>
    internal static int TryIndexOf(string field) => IndexByName.TryGetValue(field, out var i) ? i : -1;

    internal static int IndexOf(string field) =>
        IndexByName.TryGetValue(field, out var i) ? i : throw new KeyNotFoundException($"the spec state has no field {field}");
}
