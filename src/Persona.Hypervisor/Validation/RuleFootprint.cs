using Persona.Spec.Model;
using Persona.Spec.Rules;
using Persona.Spec.Terms;

namespace Persona.Hypervisor.Validation;

/// <summary>What a rule's single definition reads: the state fields, and whether it quantifies over pages.</summary>
/// <remarks>Why checking a step on the touched pages alone is sound: every rule is a conjunction of ∀page bodies (and ∀device,
/// ∀component bodies over finite small sorts) whose page body reads the page-indexed fields only at the bound page, plus global
/// fields. If a rule held before the step, the pages the step did not touch have the same page-indexed values, so their
/// bodies can change only through a global field the rule reads; when such a field changed, the validator checks the rule
/// over every page instead. <see cref="ReadsPageAtBoundVariableOnly"/> checks the page-locality assumption on the definition.</remarks>
public sealed record RuleFootprint(Rule Rule, IReadOnlySet<string> Fields, bool QuantifiesOverPages, bool ReadsPageAtBoundVariableOnly)
{
    /// <summary>The fields whose values are indexed by page (all others are global or indexed by device/component only).</summary>
    public static IReadOnlySet<string> PageIndexedFields { get; } = new HashSet<string>
    {
        Persona.Spec.Model.Fields.PageStates.Name, Persona.Spec.Model.Fields.Mapped.Name, Persona.Spec.Model.Fields.Content.Name,
        Persona.Spec.Model.Fields.PoolOf.Name, Persona.Spec.Model.Fields.ChannelPage.Name, Persona.Spec.Model.Fields.DmaReach.Name,
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Rule, RuleFootprint> Cache = [];

    /// <summary>The mask of the page-indexed fields (<see cref="Persona.Spec.Concrete.ConcreteState.FieldMask"/>).</summary>
    public static ulong PageIndexedFieldMask { get; } = Persona.Spec.Concrete.ConcreteState.FieldMask(PageIndexedFields);

    /// <summary>The mask of the fields the rule reads, to test against a step's changed fields without allocating.</summary>
    public ulong FieldMask { get; } = Persona.Spec.Concrete.ConcreteState.FieldMask(Fields);

    /// <summary>The footprint of a rule, read from its term (once per rule and process).</summary>
    public static RuleFootprint Of(Rule rule) => Cache.GetValue(rule, Read);

    private static RuleFootprint Read(Rule rule)
    {
        var term = rule.HoldsIn(State.Named("s")).Expr;
        var fields = new HashSet<string>();
        var pageQuantified = false;
        var local = true;
        var boundPages = new HashSet<Variable>();
        Walk(term);
        return new RuleFootprint(rule, fields, pageQuantified, local);

        void Walk(Expr e)
        {
            switch (e)
            {
                case FieldRead f: fields.Add(f.Field); break;
                case Select s:
                    // A page-indexed map is selected by a page: that page must be a bound page variable (page-local reading).
                    if (s.Key.Sort == Sorts.Page && !(s.Key is Variable v && boundPages.Contains(v)))
                        local = false;
                    Walk(s.Map);
                    Walk(s.Key);
                    break;
                case MapOf m:
                    if (m.Key.Sort == Sorts.Page) boundPages.Add(m.Key);
                    Walk(m.Body);
                    break;
                case Apply a:
                    // A platform function of a page (its region) is not a field the step can change, but it is not per-class either.
                    if (a.Argument.Sort == Sorts.Page)
                        local = false;
                    Walk(a.Argument);
                    break;
                case Quantified q:
                    if (q.Bound.Sort == Sorts.Page)
                    {
                        pageQuantified = true;
                        boundPages.Add(q.Bound);
                    }
                    Walk(q.Body);
                    break;
                default:
                    foreach (var child in Traversal.Children(e)) Walk(child);
                    break;
            }
        }
    }

    /// <summary>Whether the rule must be checked over every page because a global field it reads changed (given as a field mask).</summary>
    public bool NeedsAllPages(ulong changedGlobalFieldMask) =>
        !ReadsPageAtBoundVariableOnly || (QuantifiesOverPages && (FieldMask & changedGlobalFieldMask) != 0);
}
