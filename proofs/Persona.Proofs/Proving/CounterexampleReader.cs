using Persona.Proofs.Obligations;
using Persona.Proofs.Symbolic;
using Persona.Smt;
using Persona.Spec.Model;
using Persona.Spec.Terms;
using SpecSort = Persona.Spec.Terms.Sort;

namespace Persona.Proofs.Proving;

/// <summary>Reads a Z3 model back as a counterexample in spec terms: arguments, witnesses, and the state entries at the elements involved.</summary>
public static class CounterexampleReader
{
    /// <summary>The counterexample a model gives for an obligation.</summary>
    public static Counterexample Read(Obligation obligation, SmtCompiler compiler, Grounding grounding, SmtModel model)
    {
        var witnesses = grounding.Witnesses;
        string Show(Term t) => SmtCompiler.Readable(model.Show(t));
        var keys = new Dictionary<SpecSort, List<(string Label, Term Term)>>
        {
            [Sorts.Page] = [],
            [Sorts.Device] = [],
        };
        string? operation = null;
        if (obligation.Operation is { } op)
        {
            var args = new List<string>();
            foreach (var p in op.Parameters)
            {
                var term = compiler.ConstantFor(p.Name, p.Sort);
                var value = Show(term);
                args.Add($"{p.Name}={value}");
                if (keys.TryGetValue(p.Sort, out var list)) list.Add((value, term));
            }
            operation = $"{op.Name}({string.Join(", ", args)})";
        }
        var shownWitnesses = new List<KeyValuePair<string, string>>();
        foreach (var w in witnesses)
        {
            var term = compiler.ConstantFor(w.Name, w.Sort);
            var value = Show(term);
            shownWitnesses.Add(new(w.Name.Replace("witness_", "", StringComparison.Ordinal), value));
            if (keys.TryGetValue(w.Sort, out var list) && list.All(k => k.Label != value)) list.Add((value, term));
        }

        var entries = new List<StateEntry>();
        var after = obligation.PostState ?? obligation.PreState;
        var exprKeys = keys.ToDictionary(k => k.Key, k => k.Value.Select(v => (v.Label, compiler.ExprOf(v.Term))).ToList());
        foreach (var field in Fields.All)
        {
            foreach (var (location, b, a) in Entries(field.Name, field.Sort, obligation.PreState[field], after[field], exprKeys))
            {
                string Value(Persona.Spec.Terms.Expr e) => Show(compiler.Compile(grounding.Normalizer.Normalize(e)));
                entries.Add(new StateEntry(location, Value(b), Value(a)));
            }
        }
        return new Counterexample(obligation.Id, $"{obligation.RuleId}: {obligation.Statement}", operation, shownWitnesses, entries);
    }

    private static IEnumerable<(string Location, Persona.Spec.Terms.Expr Before, Persona.Spec.Terms.Expr After)> Entries(
        string location, SpecSort sort, Persona.Spec.Terms.Expr before, Persona.Spec.Terms.Expr after,
        Dictionary<SpecSort, List<(string Label, Persona.Spec.Terms.Expr Key)>> keys)
    {
        if (sort is not Persona.Spec.Terms.MapSort map)
        {
            yield return (location, before, after);
            yield break;
        }
        IEnumerable<(string Label, Persona.Spec.Terms.Expr Key)> keyList = map.Key switch
        {
            Persona.Spec.Terms.EnumSort e => e.Members.Select((m, i) => (m, (Persona.Spec.Terms.Expr)new EnumLiteral(e, i))),
            _ => keys.TryGetValue(map.Key, out var list) ? list : [],
        };
        foreach (var (label, key) in keyList)
        {
            foreach (var entry in Entries($"{location}[{label}]", map.Value, new Select(before, key), new Select(after, key), keys))
                yield return entry;
        }
    }
}
