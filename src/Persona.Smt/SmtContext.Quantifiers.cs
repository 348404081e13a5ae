using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Universal and existential quantifiers over constants, with optional instantiation patterns.</summary>
public sealed partial class SmtContext
{
    /// <summary>A pattern (multi-trigger) made of the given terms, each mentioning the bound constants.</summary>
    public unsafe SmtPattern Pattern(params Term[] terms)
    {
        if (terms.Length == 0)
            throw new SmtException("A pattern needs at least one term.");
        var handles = HandlesOf(terms);
        nint pattern;
        fixed (nint* h = handles)
            pattern = Z3Native.Z3_mk_pattern(Handle, (uint)handles.Length, h);
        return new SmtPattern(this, Own(pattern, "pattern"), CurrentLifetime);
    }

    /// <summary>For every value of the <paramref name="bound"/> constants, <paramref name="body"/> holds.</summary>
    public unsafe BoolTerm ForAll(IReadOnlyList<Term> bound, BoolTerm body, params SmtPattern[] patterns) =>
        Quantifier(&Z3Native.Z3_mk_forall_const, bound, body, patterns, "forall");

    /// <summary>For some value of the <paramref name="bound"/> constants, <paramref name="body"/> holds.</summary>
    public unsafe BoolTerm Exists(IReadOnlyList<Term> bound, BoolTerm body, params SmtPattern[] patterns) =>
        Quantifier(&Z3Native.Z3_mk_exists_const, bound, body, patterns, "exists");

    private unsafe BoolTerm Quantifier(
        delegate*<nint, uint, uint, nint*, uint, nint*, nint, nint> make,
        IReadOnlyList<Term> bound,
        BoolTerm body,
        SmtPattern[] patterns,
        string operation)
    {
        if (bound.Count == 0)
            throw new SmtException($"A {operation} quantifier needs at least one bound constant.");
        var apps = new nint[bound.Count];
        for (var i = 0; i < apps.Length; i++)
        {
            apps[i] = Z3Native.Z3_to_app(Handle, Use(bound[i]));
            ThrowIfError($"{operation}: bound term {bound[i]} is not a constant");
        }
        var patternHandles = new nint[patterns.Length];
        for (var i = 0; i < patterns.Length; i++)
            patternHandles[i] = UsePattern(patterns[i]);
        fixed (nint* a = apps, p = patternHandles)
            return MakeBool(make(Handle, 0, (uint)apps.Length, a, (uint)patternHandles.Length, p, Use(body)), operation);
    }

    private nint UsePattern(SmtPattern pattern)
    {
        if (!ReferenceEquals(pattern.Context, this))
            throw new SmtException("The pattern belongs to another SMT context.");
        if (!pattern.Lifetime.IsOpen)
            throw new ObjectDisposedException(nameof(SmtPattern), "A pattern was used after its scope closed.");
        return pattern.Handle;
    }
}
