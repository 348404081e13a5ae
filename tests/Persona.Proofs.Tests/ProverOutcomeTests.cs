using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec.Model;
using Persona.Spec.Terms;
using Xunit.Abstractions;
using static Persona.Spec.Terms.Spec;

namespace Persona.Proofs.Tests;

/// <summary>The prover keeps Z3's three answers apart: proved (unsat), refuted (sat) and unknown (a timeout is never a proof).</summary>
public sealed class ProverOutcomeTests(ITestOutputHelper output)
{
    [Fact]
    public void HardObligation_HittingTheTimeout_IsUnknownWithTheSolversReason_NeverProved()
    {
        // Thirteen pigeons in twelve holes: unsatisfiable, but exponentially hard for Z3's CDCL, so it cannot finish in 200 ms.
        var result = Assert.Single(Prover.Run([Pigeonhole(pigeons: 13, holes: 12)], new ProofOptions(TimeoutMilliseconds: 200, Workers: 1)));
        output.WriteLine($"{result.Id}: {result.Status} ({result.Reason}) in {result.Milliseconds:F0} ms");
        Assert.Equal(ProofStatus.Unknown, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason), "an unknown result must carry the solver's reason");
        Assert.Empty(result.UnsatCore);
        Assert.Null(result.Counterexample);
    }

    [Fact]
    public void EasyPigeonhole_IsProved_WithAnUnsatCoreAndNoReason()
    {
        // The same encoding, small enough to decide: shows the timeout above, not the encoding, makes the hard case unknown.
        var result = Assert.Single(Prover.Run([Pigeonhole(pigeons: 3, holes: 2)], new ProofOptions(Workers: 1)));
        Assert.Equal(ProofStatus.Proved, result.Status);
        Assert.Null(result.Reason);
        Assert.NotEmpty(result.UnsatCore);
        Assert.DoesNotContain(Prover.NegatedGoal, result.UnsatCore);
    }

    [Fact]
    public void SatisfiableObligation_IsRefuted_WithACounterexample()
    {
        var result = Assert.Single(Prover.Run([Pigeonhole(pigeons: 2, holes: 2)], new ProofOptions(Workers: 1)));
        Assert.Equal(ProofStatus.Refuted, result.Status);
        Assert.NotNull(result.Counterexample);
        Assert.Empty(result.UnsatCore);
    }

    /// <summary>"Every pigeon sits in a hole and no hole holds two" implies false: provable exactly when there are more pigeons than holes.</summary>
    private static Obligation Pigeonhole(int pigeons, int holes)
    {
        Term<bool> In(int pigeon, int hole) => Var<bool>($"pigeon{pigeon}_hole{hole}");
        var hypotheses = new List<Hypothesis>();
        for (var p = 0; p < pigeons; p++)
            hypotheses.Add(new Hypothesis($"pigeon-{p}-sits", Any([.. Enumerable.Range(0, holes).Select(h => In(p, h))])));
        for (var h = 0; h < holes; h++)
        {
            var alone = new List<Term<bool>>();
            for (var p = 0; p < pigeons; p++)
            {
                for (var q = p + 1; q < pigeons; q++) alone.Add(!(In(p, h) & In(q, h)));
            }
            hypotheses.Add(new Hypothesis($"hole-{h}-alone", All([.. alone])));
        }
        var s = State.Named("s");
        return new Obligation($"PIGEONHOLE.{pigeons}-{holes}", ObligationKind.Initiation, "PIGEONHOLE", "pigeonhole", null, null, hypotheses, false, s, null);
    }
}
