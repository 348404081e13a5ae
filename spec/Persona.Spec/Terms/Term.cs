namespace Persona.Spec.Terms;

/// <summary>A typed handle on a spec expression; the phantom <typeparamref name="S"/> makes mixing sorts a compile error.</summary>
/// <typeparam name="S">bool, a spec enum, an element marker (<see cref="Page"/>, <see cref="Device"/>), or <see cref="Map{K,V}"/>.</typeparam>
public readonly struct Term<S> : IEquatable<Term<S>>
{
    /// <summary>Wraps an expression whose sort must be the sort of <typeparamref name="S"/>.</summary>
    public Term(Expr expr)
    {
        if (expr.Sort != Sorts.Of<S>())
            throw new ArgumentException($"term of sort {expr.Sort} used as {Sorts.Of<S>()}");
        Expr = expr;
    }

    /// <summary>The underlying expression.</summary>
    public Expr Expr { get; }

    /// <summary>Equality.</summary>
    public static Term<bool> operator ==(Term<S> left, Term<S> right) => new(new Equal(left.Expr, right.Expr));

    /// <summary>Disequality.</summary>
    public static Term<bool> operator !=(Term<S> left, Term<S> right) => new(new Not(new Equal(left.Expr, right.Expr)));

    /// <summary>Conjunction (Boolean terms only).</summary>
    public static Term<bool> operator &(Term<S> left, Term<S> right) => Spec.All(left.AsBool(), right.AsBool());

    /// <summary>Disjunction (Boolean terms only).</summary>
    public static Term<bool> operator |(Term<S> left, Term<S> right) => Spec.Any(left.AsBool(), right.AsBool());

    /// <summary>Negation (Boolean terms only).</summary>
    public static Term<bool> operator !(Term<S> operand) => new(new Not(operand.AsBool().Expr));

    /// <summary>Lifts a literal Boolean.</summary>
    public static implicit operator Term<S>(bool value) => new(new BoolLiteral(value));

    /// <summary>Implication (Boolean terms only).</summary>
    public Term<bool> Implies(Term<bool> conclusion) => new(new Implies(AsBool().Expr, conclusion.Expr));

    /// <summary>This term as a Boolean; throws when it is not one.</summary>
    public Term<bool> AsBool() => new(Expr);

    /// <inheritdoc/>
    public bool Equals(Term<S> other) => ReferenceEquals(Expr, other.Expr);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Term<S> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Expr?.GetHashCode() ?? 0;

    /// <inheritdoc/>
    public override string ToString() => Printer.Print(Expr);
}

/// <summary>Marker for the abstract set of physical pages (4 KiB frames).</summary>
public sealed class Page;

/// <summary>Marker for the abstract set of devices.</summary>
public sealed class Device;

/// <summary>Marker for a total map from <typeparamref name="K"/> to <typeparamref name="V"/>.</summary>
public sealed class Map<K, V>;

/// <summary>The sort of each phantom type.</summary>
public static class Sorts
{
    /// <summary>The pages sort.</summary>
    public static readonly ElementSort Page = new("Page");

    /// <summary>The devices sort.</summary>
    public static readonly ElementSort Device = new("Device");

    /// <summary>The sort that <typeparamref name="S"/> stands for.</summary>
    public static Sort Of<S>() => SortCache<S>.Value;

    /// <summary>The sort that a phantom type stands for.</summary>
    public static Sort Of(Type type)
    {
        if (type == typeof(bool)) return Sort.Bool;
        if (type == typeof(Page)) return Page;
        if (type == typeof(Device)) return Device;
        if (type.IsEnum) return EnumSort.Of(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Map<,>))
        {
            var args = type.GetGenericArguments();
            return new MapSort(Of(args[0]), Of(args[1]));
        }
        throw new ArgumentException($"{type.Name} is not a spec sort");
    }

    private static class SortCache<S>
    {
        public static readonly Sort Value = Of(typeof(S));
    }
}
