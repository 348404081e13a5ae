namespace Persona.Spec.Terms;

/// <summary>A node of the spec's term language: the single definition that proofs compile to SMT and the validator evaluates.</summary>
public abstract record Expr(Sort Sort);

/// <summary>A literal Boolean.</summary>
public sealed record BoolLiteral(bool Value) : Expr(Sort.Bool);

/// <summary>A literal enumeration member, by ordinal.</summary>
public sealed record EnumLiteral(EnumSort EnumSort, int Ordinal) : Expr(EnumSort)
{
    /// <inheritdoc/>
    public override string ToString() => EnumSort.Members[Ordinal];
}

/// <summary>A variable: an operation argument or a quantifier-bound element.</summary>
public sealed record Variable(string Name, Sort VariableSort) : Expr(VariableSort);

/// <summary>A state field read from the named state (relational properties talk about two states, "s" and "t").</summary>
public sealed record FieldRead(string StateName, string Field, Sort FieldSort) : Expr(FieldSort);

/// <summary>A map lookup.</summary>
public sealed record Select(Expr Map, Expr Key) : Expr(((MapSort)Map.Sort).Value);

/// <summary>A map with one key changed.</summary>
public sealed record Store(Expr Map, Expr Key, Expr Value) : Expr(Map.Sort);

/// <summary>A map defined pointwise: the value at each key is the body with the variable bound to that key.</summary>
public sealed record MapOf(Variable Key, Expr Body) : Expr(new MapSort(Key.Sort, Body.Sort));

/// <summary>An uninterpreted platform function of one argument, e.g. the region a page lies in; concretely supplied by the platform.</summary>
public sealed record Apply(string Function, Expr Argument, Sort ResultSort) : Expr(ResultSort);

/// <summary>Equality of two terms of one sort.</summary>
public sealed record Equal(Expr Left, Expr Right) : Expr(Sort.Bool);

/// <summary>Negation.</summary>
public sealed record Not(Expr Operand) : Expr(Sort.Bool);

/// <summary>Conjunction of any number of terms (true when empty).</summary>
public sealed record And(IReadOnlyList<Expr> Operands) : Expr(Sort.Bool);

/// <summary>Disjunction of any number of terms (false when empty).</summary>
public sealed record Or(IReadOnlyList<Expr> Operands) : Expr(Sort.Bool);

/// <summary>Implication.</summary>
public sealed record Implies(Expr Premise, Expr Conclusion) : Expr(Sort.Bool);

/// <summary>If-then-else over any sort.</summary>
public sealed record IfThenElse(Expr Condition, Expr Then, Expr Else) : Expr(Then.Sort);

/// <summary>Universal or existential quantification over one element or enumeration variable.</summary>
public sealed record Quantified(bool IsUniversal, Variable Bound, Expr Body) : Expr(Sort.Bool);
