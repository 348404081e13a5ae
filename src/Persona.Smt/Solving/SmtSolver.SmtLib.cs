using System.Text;
using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>SMT-LIB2 output of the solver's current query.</summary>
public sealed partial class SmtSolver
{
    /// <inheritdoc/>
    /// <remarks>Z3 prints the declarations and each assertion; Persona then wraps each named assertion as
    /// <c>(! φ :named n)</c> and adds the header both z3 and cvc5 accept (<c>set-logic ALL</c>, unsat cores on).
    /// The seed and timeout are recorded in a comment, since cvc5 rejects Z3's option names.</remarks>
    public string ToSmtLib2()
    {
        var c = Live();
        var forms = SmtLibForms.Split(PrintWithZ3(c));
        var declarations = forms.Where(f => SmtLibForms.Head(f) is "declare-sort" or "declare-datatypes" or "declare-datatype"
            or "declare-fun" or "declare-const" or "define-sort" or "define-fun").ToList();
        var asserted = forms.Where(f => SmtLibForms.Head(f) == "assert").ToList();
        if (asserted.Count < _assertions.Count)
            throw new SmtException($"Z3 printed {asserted.Count} assertions for a query of {_assertions.Count}.");

        RequireNamesFree(declarations);

        var text = new StringBuilder();
        text.Append("; Persona.Smt query: Z3 ").Append(SmtContext.Version).Append(", random_seed=")
            .Append(Context.Options.RandomSeed).Append(", timeout_ms=").Append(TimeoutMilliseconds)
            .Append(", solver=").Append(Kind).Append('\n');
        text.Append("(set-option :produce-unsat-cores true)\n");
        text.Append("(set-logic ALL)\n");
        foreach (var declaration in declarations)
            text.Append(declaration.Trim()).Append('\n');
        for (var i = 0; i < _assertions.Count; i++)
        {
            var body = SmtLibForms.AssertBody(asserted[i]);
            text.Append(_assertions[i].Name is { } name
                ? $"(assert (! {body} :named {SmtLibText.Symbol(name)}))\n"
                : $"(assert {body})\n");
        }
        text.Append("(check-sat)\n");
        return text.ToString();
    }

    /// <summary>Throws when an assertion name is also a declared symbol: SMT-LIB2 has one namespace for both.</summary>
    private void RequireNamesFree(List<string> declarations)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            if (SmtLibForms.Head(declaration) is "declare-fun" or "declare-const" or "define-fun")
                declared.Add(SmtLibForms.SecondToken(declaration).Trim('|'));
        }
        foreach (var member in Context.DeclaredEnumMembers())
            declared.Add(member);
        foreach (var name in _names)
        {
            if (declared.Contains(name))
                throw new SmtException($"The assertion name '{name}' is also the name of a declared symbol; SMT-LIB2 cannot hold both. Rename the assertion.");
        }
    }

    private unsafe string PrintWithZ3(nint c)
    {
        var handles = _assertions.Select(a => a.Handle).ToArray();
        var formula = Context.True;
        fixed (nint* h = handles)
        fixed (byte* empty = Utf8.Terminated(""))
        fixed (byte* logic = Utf8.Terminated("ALL"))
        fixed (byte* status = Utf8.Terminated("unknown"))
        {
            var text = Utf8.Read(Z3Native.Z3_benchmark_to_smtlib_string(
                c, empty, logic, status, empty, (uint)handles.Length, h, Context.Use(formula)));
            Context.ThrowIfError("benchmark_to_smtlib_string");
            return text;
        }
    }
}
