using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Terms of any sort: constants, equality, distinctness and if-then-else.</summary>
public sealed partial class SmtContext
{
    /// <summary>A constant (free variable) of the given sort, wrapped in the sort's term type.</summary>
    public Term Constant(string name, Sort sort) =>
        Wrap(Z3Native.Z3_mk_const(Handle, Symbol(name), Use(sort)), $"constant {name} : {sort.Name}");

    /// <summary>A constant of the given sort viewed as <typeparamref name="T"/> (checked against the sort).</summary>
    public T Constant<T>(string name, Sort sort)
        where T : Term, ITypedTerm<T> => T.FromTerm(Constant(name, sort));

    /// <summary>Equality of two terms of the same type (Z3 rejects differing sorts with an <see cref="SmtException"/>).</summary>
    public BoolTerm Eq<T>(T left, T right)
        where T : Term => MakeBool(Z3Native.Z3_mk_eq(Handle, Use(left), Use(right)), "=");

    /// <summary>The terms are pairwise different.</summary>
    public unsafe BoolTerm Distinct<T>(params T[] terms)
        where T : Term
    {
        if (terms.Length == 0)
            throw new SmtException("distinct needs at least one term.");
        var handles = HandlesOf(terms);
        fixed (nint* h = handles)
            return MakeBool(Z3Native.Z3_mk_distinct(Handle, (uint)handles.Length, h), "distinct");
    }

    /// <summary>If <paramref name="condition"/> then <paramref name="then"/> else <paramref name="otherwise"/>.</summary>
    public T Ite<T>(BoolTerm condition, T then, T otherwise)
        where T : Term, ITypedTerm<T> =>
        T.FromTerm(Wrap(Z3Native.Z3_mk_ite(Handle, Use(condition), Use(then), Use(otherwise)), "ite"));

    /// <summary>Owns a fresh AST and wraps it in the term type of its sort.</summary>
    internal Term Wrap(nint ast, string operation) => WrapOwned(Own(ast, operation), operation);

    /// <summary>Wraps an AST the innermost scope already owns in the term type of its sort.</summary>
    internal Term WrapOwned(nint owned, string operation) =>
        SortOf(Z3Native.Z3_get_sort(_handle, owned), operation).MakeTerm(owned, CurrentLifetime);

    /// <summary>Owns a fresh AST and wraps it as <typeparamref name="T"/>.</summary>
    internal T Wrap<T>(nint ast, string operation)
        where T : Term, ITypedTerm<T> => T.FromTerm(Wrap(ast, operation));

    /// <summary>Owns a fresh Boolean AST.</summary>
    internal BoolTerm MakeBool(nint ast, string operation) => new(this, Own(ast, operation), CurrentLifetime, BoolSort);

    internal nint[] HandlesOf<T>(IReadOnlyList<T> terms)
        where T : Term
    {
        var handles = new nint[terms.Count];
        for (var i = 0; i < handles.Length; i++)
            handles[i] = Use(terms[i]);
        return handles;
    }
}
