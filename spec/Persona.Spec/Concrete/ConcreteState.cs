using Persona.Spec.Model;

namespace Persona.Spec.Concrete;

/// <summary>A concrete abstract state: one value per field (bool, enum ordinal as int, element id as long, or <see cref="MapValue"/>).</summary>
public sealed class ConcreteState
{
    private readonly Dictionary<string, object> values;

    /// <summary>A state with the given field values; every field must be present.</summary>
    public ConcreteState(Dictionary<string, object> values)
    {
        foreach (var f in Fields.All)
        {
            if (!values.ContainsKey(f.Name))
                throw new ArgumentException($"concrete state lacks field {f.Name}");
        }
        this.values = values;
    }

    /// <summary>The value of a field.</summary>
    public object this[string field] => values[field];

    /// <summary>The value of a typed field.</summary>
    public object Get(IField field) => values[field.Name];

    /// <summary>A copy with some fields replaced.</summary>
    public ConcreteState With(IReadOnlyDictionary<string, object> changes)
    {
        var copy = new Dictionary<string, object>(values);
        foreach (var (k, v) in changes) copy[k] = v;
        return new ConcreteState(copy);
    }
}
