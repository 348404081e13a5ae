using Persona.Spec.Concrete;
using Persona.Spec.Operations;
using Persona.Spec.Rules;
using Persona.Spec.Terms;

namespace Persona.Spec.Tests;

/// <summary>Applies random operations with random arguments from the boot state, checking every rule after every successful call.</summary>
/// <remarks>All choices come from one <see cref="Random"/> seeded by the caller, so a walk replays exactly from its seed.</remarks>
internal sealed class RandomWalker(ConcreteSpec spec)
{
    private readonly Evaluator universe = new(spec.World, new Dictionary<string, ConcreteState>());
    private readonly ConcreteState boot = spec.InitialState().Materialize(spec.World);

    /// <summary>What one walk did: its successful calls, the rules the last call broke (empty when none), and refused calls that changed the state.</summary>
    public sealed record Walk(IReadOnlyList<string> Calls, IReadOnlyList<Rule> Broken, IReadOnlyList<string> RefusalsThatChangedState);

    /// <summary>Walks up to <paramref name="steps"/> successful calls (giving up a step after <paramref name="tries"/> refusals), stopping at the first broken rule.</summary>
    public Walk Run(int seed, int steps, int tries, ISet<string> succeededOperations)
    {
        var random = new Random(seed);
        var state = boot;
        var calls = new List<string>();
        var changedByRefusal = new List<string>();
        for (var step = 0; step < steps; step++)
        {
            for (var attempt = 0; attempt < tries; attempt++)
            {
                var op = spec.Model.Operations[random.Next(spec.Model.Operations.Count)];
                var args = op.Parameters.Select(p => (p.Name, Value: Pick(p.Sort, random))).ToArray();
                var (after, ok) = spec.Apply(op, state, args.ToDictionary(a => a.Name, a => a.Value));
                if (!ok)
                {
                    if (!ReferenceEquals(after, state)) changedByRefusal.Add(SpecDriver.Describe(op, args));
                    continue;
                }
                calls.Add(SpecDriver.Describe(op, args));
                succeededOperations.Add(op.Name);
                state = after;
                var broken = spec.BrokenRules(state);
                if (broken.Count > 0) return new Walk(calls, broken, changedByRefusal);
                break;
            }
        }
        return new Walk(calls, [], changedByRefusal);
    }

    private object Pick(Sort sort, Random random)
    {
        var values = universe.Universe(sort).ToList();
        return values[random.Next(values.Count)];
    }
}
