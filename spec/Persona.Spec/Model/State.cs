using Persona.Spec.Terms;

namespace Persona.Spec.Model;

/// <summary>A named state variable of the abstract hypervisor, with its sort.</summary>
/// <typeparam name="S">The phantom type of its sort.</typeparam>
/// <param name="Name">The variable's name, as it appears in counterexamples and SMT-LIB2 files.</param>
public sealed record Field<S>(string Name) : IField
{
    /// <inheritdoc/>
    public Sort Sort => Sorts.Of<S>();
}

/// <summary>A state variable of any sort.</summary>
public interface IField
{
    /// <summary>The variable's name.</summary>
    string Name { get; }

    /// <summary>The variable's sort.</summary>
    Sort Sort { get; }
}

/// <summary>The abstract state of the hypervisor as spec terms: either a named symbolic state or the result of an operation.</summary>
/// <remarks>The same object is read symbolically (its terms compile to SMT) and concretely (its terms are evaluated).</remarks>
public sealed partial class State
{
    private readonly Dictionary<string, Expr> values;

    private State(string name, Dictionary<string, Expr> values)
    {
        Name = name;
        this.values = values;
    }

    /// <summary>The name of the state these terms are over ("s", "t", "init", ...).</summary>
    public string Name { get; }

    /// <summary>A fresh symbolic state: every field reads itself from the state called <paramref name="name"/>.</summary>
    public static State Named(string name) =>
        new(name, Fields.All.ToDictionary(f => f.Name, f => (Expr)new FieldRead(name, f.Name, f.Sort)));

    /// <summary>The term for one field.</summary>
    public Term<S> Get<S>(Field<S> field) => new(values[field.Name]);

    /// <summary>The term for a field given by name.</summary>
    public Expr this[IField field] => values[field.Name];

    /// <summary>This state with one field replaced.</summary>
    public State Set<S>(Field<S> field, Term<S> value)
    {
        var copy = new Dictionary<string, Expr>(values) { [field.Name] = value.Expr };
        return new State(Name, copy);
    }

    /// <summary>The state that is <paramref name="then"/> when the condition holds and this state otherwise, field by field.</summary>
    public State Choose(Term<bool> condition, State then)
    {
        var copy = new Dictionary<string, Expr>(values.Count);
        foreach (var (name, expr) in values)
        {
            var other = then.values[name];
            copy[name] = ReferenceEquals(other, expr) ? expr : new IfThenElse(condition.Expr, other, expr);
        }
        return new State(Name, copy);
    }

    /// <summary>The fields whose terms differ (by reference) from another state's: what an operation writes.</summary>
    public IEnumerable<IField> ChangedFrom(State other) =>
        Fields.All.Where(f => !ReferenceEquals(values[f.Name], other.values[f.Name]));
}
