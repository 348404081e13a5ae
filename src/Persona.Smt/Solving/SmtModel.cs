using System.Globalization;
using System.Numerics;
using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>A satisfying assignment, read back as typed values; evaluation uses model completion, so every term has a value.</summary>
/// <remarks>The model is released with the scope that was open when the check ran.</remarks>
public sealed class SmtModel : INativeResource
{
    private readonly Lifetime _lifetime;
    private nint _handle;

    internal SmtModel(SmtContext context, nint handle)
    {
        Context = context;
        Z3Native.Z3_model_inc_ref(context.Handle, handle);
        _handle = handle;
        _lifetime = context.Register(this);
    }

    /// <summary>The context of the model.</summary>
    public SmtContext Context { get; }

    /// <summary>The value of a formula.</summary>
    public bool Evaluate(BoolTerm term)
    {
        var value = EvaluateHandle(term);
        return Z3Native.Z3_get_bool_value(Context.Handle, value) switch
        {
            Z3LBool.True => true,
            Z3LBool.False => false,
            _ => throw new SmtException($"The model gives no truth value to {term} (it evaluated to {Context.AstText(value)})."),
        };
    }

    /// <summary>The unsigned value of a bit-vector of at most 64 bits.</summary>
    public ulong Evaluate(BitVecTerm term)
    {
        if (term.Width > 64)
            throw new SmtException($"{term} has {term.Width} bits; use EvaluateBig for vectors wider than 64 bits.");
        return (ulong)EvaluateBig(term);
    }

    /// <summary>The unsigned value of a bit-vector of any width.</summary>
    public BigInteger EvaluateBig(BitVecTerm term)
    {
        var value = EvaluateHandle(term);
        if (Z3Native.Z3_is_numeral_ast(Context.Handle, value) == 0)
            throw new SmtException($"The model gives no numeral for {term} (it evaluated to {Context.AstText(value)}).");
        return BigInteger.Parse(Utf8.Read(Z3Native.Z3_get_numeral_string(Context.Handle, value)), CultureInfo.InvariantCulture);
    }

    /// <summary>The name of the enumeration member a term takes, e.g. <c>Work</c>.</summary>
    public string Evaluate(EnumTerm term)
    {
        var value = EvaluateHandle(term);
        var c = Context.Handle;
        var name = Z3Native.Z3_is_app(c, value) != 0
            ? Utf8.Read(Z3Native.Z3_get_symbol_string(c, Z3Native.Z3_get_decl_name(c, Z3Native.Z3_get_app_decl(c, value))))
            : "";
        return term.EnumSort.MemberNames.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new SmtException($"The model gives no member of {term.EnumSort.Name} for {term} (it evaluated to {Context.AstText(value)}).");
    }

    /// <summary>The model element an uninterpreted term denotes, by its stable name (e.g. <c>Page!val!0</c>).</summary>
    public string Evaluate(UninterpretedTerm term) => Context.AstText(EvaluateHandle(term));

    /// <summary>The value of any term as a term (a numeral, a member, an element, an array value ...).</summary>
    public T EvaluateTerm<T>(T term)
        where T : Term, ITypedTerm<T> => T.FromTerm(Context.WrapOwned(EvaluateHandle(term), "model value"));

    /// <summary>The value of any term in readable form: <c>true</c>, <c>0x1f</c>, <c>Work</c>, <c>Page!val!0</c>, or Z3's text.</summary>
    public string Show(Term term) => term switch
    {
        BoolTerm b => Evaluate(b) ? "true" : "false",
        BitVecTerm v => "0x" + EvaluateBig(v).ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'),
        EnumTerm e => Evaluate(e),
        _ => Context.AstText(EvaluateHandle(term)),
    };

    /// <summary>The value of an uninterpreted function at the given arguments, in readable form.</summary>
    public string Show(SmtFunction function, params Term[] arguments) => Show(function.Apply(arguments));

    /// <summary>The elements the model gives an uninterpreted sort, by their stable names (e.g. <c>Page!val!0</c>).</summary>
    public IReadOnlyList<string> Universe(UninterpretedSort sort)
    {
        var c = Live();
        var universe = Z3Native.Z3_model_get_sort_universe(c, _handle, Context.Use(sort));
        Context.ThrowIfError($"universe of {sort.Name}");
        if (universe == 0)
            return [];
        Z3Native.Z3_ast_vector_inc_ref(c, universe);
        try
        {
            var size = Z3Native.Z3_ast_vector_size(c, universe);
            var names = new string[size];
            for (uint i = 0; i < size; i++)
                names[i] = Context.AstText(Z3Native.Z3_ast_vector_get(c, universe, i));
            return names;
        }
        finally
        {
            Z3Native.Z3_ast_vector_dec_ref(c, universe);
        }
    }

    /// <summary>The whole model in Z3's notation (every constant and function interpretation).</summary>
    public override string ToString() => _handle == 0 || !_lifetime.IsOpen
        ? "<released model>"
        : Utf8.Read(Z3Native.Z3_model_to_string(Context.Handle, _handle));

    void INativeResource.Release()
    {
        if (_handle == 0)
            return;
        Z3Native.Z3_model_dec_ref(Context.Handle, _handle);
        _handle = 0;
    }

    private unsafe nint EvaluateHandle(Term term)
    {
        var c = Live();
        nint value;
        var ok = Z3Native.Z3_model_eval(c, _handle, Context.Use(term), 1, &value);
        Context.ThrowIfError($"evaluating {term}");
        if (ok == 0 || value == 0)
            throw new SmtException($"The model could not evaluate {term}.");
        return Context.Own(value, "model value");
    }

    private nint Live()
    {
        ObjectDisposedException.ThrowIf(_handle == 0 || !_lifetime.IsOpen, this);
        return Context.Handle;
    }
}
