using Persona.Spec.Model;
using Persona.Spec.Terms;

namespace Persona.Spec.Operations;

/// <summary>One argument of an operation: a name and a sort; its term is a variable that proofs quantify and runs bind.</summary>
/// <typeparam name="S">The argument's sort.</typeparam>
/// <param name="Name">The argument's name.</param>
public sealed record Parameter<S>(string Name) : IParameter
{
    /// <summary>The argument as a term.</summary>
    public Term<S> Term => Spec.Terms.Spec.Var<S>(Name);

    /// <inheritdoc/>
    public Sort Sort => Sorts.Of<S>();

    /// <summary>The argument as a term, so parameters read naturally inside definitions.</summary>
    public static implicit operator Term<S>(Parameter<S> parameter) => parameter.Term;
}

/// <summary>An operation argument of any sort.</summary>
public interface IParameter
{
    /// <summary>The argument's name.</summary>
    string Name { get; }

    /// <summary>The argument's sort.</summary>
    Sort Sort { get; }
}

/// <summary>A guarded transition of the abstract hypervisor: the single definition of what an operation may do.</summary>
/// <param name="Name">The operation's name, e.g. "share".</param>
/// <param name="Description">What the operation is, in one sentence.</param>
/// <param name="Parameters">Its arguments.</param>
/// <param name="Actor">The security domain on whose behalf it runs (for noninterference): a persona, or the hypervisor.</param>
/// <param name="Guard">When it succeeds.</param>
/// <param name="Effect">The state after success.</param>
public sealed record Operation(
    string Name,
    string Description,
    IReadOnlyList<IParameter> Parameters,
    Term<Component> Actor,
    Func<State, Term<bool>> Guard,
    Func<State, State> Effect)
{
    /// <summary>The state after the operation: the effect when the guard holds, and the same state otherwise (a failed operation changes nothing).</summary>
    public State Step(State state) => state.Choose(Guard(state), Effect(state));

    /// <summary>The operation's result as seen by the caller: whether it succeeded.</summary>
    public Term<bool> Succeeds(State state) => Guard(state);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}({string.Join(", ", Parameters.Select(p => p.Name))})";
}
