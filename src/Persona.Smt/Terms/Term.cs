namespace Persona.Smt;

/// <summary>A Z3 term of any sort; the typed subclasses (<see cref="BoolTerm"/>, <see cref="BitVecTerm"/>, ...) add the operators.</summary>
/// <remarks>A term is a view of a handle that its <see cref="SmtContext"/> (or the scope it was made in) owns; it has no
/// finalizer and holds no reference of its own.</remarks>
public abstract class Term : ITypedTerm<Term>
{
    private protected Term(SmtContext context, nint handle, Lifetime lifetime, Sort sort)
    {
        Context = context;
        Handle = handle;
        Lifetime = lifetime;
        Sort = sort;
    }

    /// <summary>The context that owns the term.</summary>
    public SmtContext Context { get; }

    /// <summary>The term's sort.</summary>
    public Sort Sort { get; }

    internal nint Handle { get; }

    internal Lifetime Lifetime { get; }

    internal string DebugName => Lifetime.IsOpen ? ToString() : $"of sort {Sort.Name}";

    /// <summary>Views this term as <typeparamref name="T"/>, throwing <see cref="SmtException"/> when its sort does not fit.</summary>
    public T As<T>()
        where T : Term, ITypedTerm<T> => T.FromTerm(this);

    /// <summary>True when this term's sort fits <typeparamref name="T"/>.</summary>
    public bool Is<T>()
        where T : Term, ITypedTerm<T> => T.Accepts(Sort);

    /// <summary>The term in Z3's SMT-LIB2-like notation.</summary>
    public override string ToString() => Lifetime.IsOpen ? Context.AstText(Context.Use(this)) : $"<term of sort {Sort.Name} from a closed scope>";

    static bool ITypedTerm<Term>.Accepts(Sort sort) => true;

    static Term ITypedTerm<Term>.FromTerm(Term term) => term;

    /// <summary>The error for viewing a term as a type whose sort it lacks.</summary>
    internal static SmtException Mismatch(Term term, string expected) =>
        new($"Expected a term of sort {expected}, but {term.DebugName} has sort {term.Sort.Name}.");
}
