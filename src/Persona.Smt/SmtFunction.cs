using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>An uninterpreted function symbol (SMT-LIB2 <c>declare-fun</c>) with a fixed domain and range.</summary>
public sealed class SmtFunction
{
    internal SmtFunction(SmtContext context, nint handle, string name, IReadOnlyList<Sort> domain, Sort range)
    {
        Context = context;
        Handle = handle;
        Name = name;
        Domain = domain;
        Range = range;
    }

    /// <summary>The context that declared the function.</summary>
    public SmtContext Context { get; }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>The sorts of the arguments.</summary>
    public IReadOnlyList<Sort> Domain { get; }

    /// <summary>The sort of the result.</summary>
    public Sort Range { get; }

    internal nint Handle { get; }

    /// <summary>The function applied to <paramref name="arguments"/> (checked by Z3 against the domain).</summary>
    public unsafe Term Apply(params Term[] arguments)
    {
        if (arguments.Length != Domain.Count)
            throw new SmtException($"The function {Name} takes {Domain.Count} arguments, not {arguments.Length}.");
        var handles = Context.HandlesOf(arguments);
        fixed (nint* h = handles)
            return Context.Wrap(Z3Native.Z3_mk_app(Context.Handle, Handle, (uint)handles.Length, h), $"application of {Name}");
    }

    /// <summary>The function applied to <paramref name="arguments"/>, viewed as <typeparamref name="T"/>.</summary>
    public T Apply<T>(params Term[] arguments)
        where T : Term, ITypedTerm<T> => T.FromTerm(Apply(arguments));
}
