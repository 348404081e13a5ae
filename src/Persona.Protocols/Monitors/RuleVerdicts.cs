using System.Collections.Concurrent;
using System.Text;
using Persona.Protocols.Model;
using Persona.Spec.Concrete;
using Persona.Spec.Rules;
using Persona.Spec.Terms;

namespace Persona.Protocols.Monitors;

/// <summary>
/// The spec's verdicts on abstract states, remembered: each rule is evaluated by <see cref="ConcreteSpec.Holds"/> once per distinct
/// value of the fields its definition reads, and looked up after that.
/// </summary>
/// <remarks>
/// A rule's truth is a function of the fields its one definition reads (the world is fixed), so the memo is exact, not a hash: the key
/// is the full text of those fields' values. Evaluating the rules directly costs about 10 ms per state on this machine; the protocols
/// revisit the same field values across steps and iterations.
/// </remarks>
public static class RuleVerdicts
{
    private const int MaxEntriesPerRule = 200_000;

    private static readonly (Rule Rule, string[] Fields, ConcurrentDictionary<string, bool> Memo)[] Rules =
        [.. ProtocolWorld.Spec.Model.Rules.Select(r => (r, FieldsRead(r), new ConcurrentDictionary<string, bool>(StringComparer.Ordinal)))];

    /// <summary>The fields a rule's definition reads.</summary>
    public static string[] FieldsRead(Rule rule)
    {
        return [.. Traversal.FieldsRead(rule.HoldsIn(Persona.Spec.Model.State.Named("s")).Expr)];
    }

    /// <summary>The ids of the rules broken in the state, in the spec's order.</summary>
    public static IReadOnlyList<string> Broken(ConcreteState state)
    {
        var fieldText = new Dictionary<string, string>(StringComparer.Ordinal);
        var broken = new List<string>();
        foreach (var (rule, fields, memo) in Rules)
        {
            var key = new StringBuilder();
            foreach (var f in fields)
            {
                if (!fieldText.TryGetValue(f, out var text)) fieldText[f] = text = Describe(state[f]);
                key.Append(text).Append('|');
            }
            var k = key.ToString();
            if (!memo.TryGetValue(k, out var holds))
            {
                holds = ProtocolWorld.Spec.Holds(rule, state);
                if (memo.Count >= MaxEntriesPerRule) memo.Clear();
                memo[k] = holds;
            }
            if (!holds) broken.Add(rule.Id);
        }
        return broken;
    }

    private static string Describe(object value)
    {
        if (value is not MapValue map) return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        // Maps are persistent values: a field a step did not change is the same object, so its text is computed once.
        return Described.GetValue(map, m =>
        {
            var sb = new StringBuilder();
            Append(sb, m);
            return sb.ToString();
        });
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MapValue, string> Described = [];

    private static void Append(StringBuilder sb, object value)
    {
        if (value is MapValue map)
        {
            sb.Append('[');
            // Every map of the abstract state is keyed by components, pages or devices; list its values over the whole world.
            foreach (var key in KeysOf(map))
            {
                Append(sb, map.Get(key));
                sb.Append(',');
            }
            sb.Append(']');
        }
        else
        {
            sb.Append(value is bool b ? (b ? "1" : "0") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<object> KeysOf(MapValue map)
    {
        var flat = map is TableMap t ? t : TableMap.Flatten(map);
        if (flat.Entries.Count == 0) throw new InvalidOperationException("RuleVerdicts needs materialized maps (a flat table per map field)");
        return flat.Entries.Keys.OrderBy(k => Convert.ToInt64(k, System.Globalization.CultureInfo.InvariantCulture));
    }
}
