namespace Persona.Smt;

/// <summary>A term type that knows which sorts it stands for, so generic code (arrays, functions, Ite) can return typed terms.</summary>
/// <typeparam name="TSelf">The term type itself.</typeparam>
public interface ITypedTerm<TSelf>
    where TSelf : Term, ITypedTerm<TSelf>
{
    /// <summary>True when terms of <paramref name="sort"/> can be viewed as <typeparamref name="TSelf"/>.</summary>
    static abstract bool Accepts(Sort sort);

    /// <summary>Views a term as <typeparamref name="TSelf"/>, throwing <see cref="SmtException"/> if its sort does not fit.</summary>
    static abstract TSelf FromTerm(Term term);
}
