using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Uninterpreted functions.</summary>
public sealed partial class SmtContext
{
    /// <summary>Declares an uninterpreted function; it lives as long as the context.</summary>
    public unsafe SmtFunction Function(string name, IReadOnlyList<Sort> domain, Sort range)
    {
        var domainHandles = new nint[domain.Count];
        for (var i = 0; i < domainHandles.Length; i++)
            domainHandles[i] = Use(domain[i]);
        nint declaration;
        fixed (nint* d = domainHandles)
            declaration = Z3Native.Z3_mk_func_decl(Handle, Symbol(name), (uint)domainHandles.Length, d, Use(range));
        OwnPermanently(declaration, $"declare-fun {name}");
        return new SmtFunction(this, declaration, name, domain.ToArray(), range);
    }
}
