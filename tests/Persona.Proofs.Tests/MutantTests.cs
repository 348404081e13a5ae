using Persona.Proofs.Mutants;
using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Proofs.Tests;

public class MutantTests(ITestOutputHelper output)
{
    private static readonly Platform Handset = DefaultPlatform.Load();

    public static TheoryData<string> MutantNames() => [.. SpecMutants.All.Select(m => m.Name)];

    [Fact]
    public void AtLeastTwelveMutants_EachBreakingADifferentDefinitionOrPart()
    {
        Assert.True(SpecMutants.All.Count >= 12);
        Assert.Equal(SpecMutants.All.Count, SpecMutants.All.Select(m => m.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(MutantNames))]
    public void Mutant_IsCaughtByItsNamedObligations_WhichTheDefaultSpecProves(string name)
    {
        var mutant = SpecMutants.All.Single(m => m.Name == name);
        var wanted = mutant.MustRefute.ToHashSet();
        var options = new ProofOptions(Workers: 1);

        var broken = ProofRun.Execute(mutant.Model, Handset, options, filter: o => wanted.Contains(o.Id));
        var correct = ProofRun.Execute(SpecModel.Default, Handset, options, filter: o => wanted.Contains(o.Id));

        Assert.Equal(wanted.Count, broken.Results.Count);
        foreach (var r in broken.Results)
        {
            output.WriteLine(r.Counterexample?.ToText() ?? $"{r.Id}: {r.Status} {r.Reason}");
            Assert.Equal(ProofStatus.Refuted, r.Status);
            Assert.Contains(mutant.Operation, r.Counterexample!.Operation, StringComparison.Ordinal);
        }
        Assert.All(correct.Results, r => Assert.Equal(ProofStatus.Proved, r.Status));
    }

    [Fact]
    public void Counterexample_ShowsOperationArgumentsRuleAndChangedState()
    {
        var mutant = SpecMutants.All.Single(m => m.Name == "wipe-forgets-to-scrub");
        var run = ProofRun.Execute(mutant.Model, Handset, new ProofOptions(Workers: 1), filter: o => o.Id == "IND.wipeScrubPage.WIPE-5");
        var cex = Assert.Single(run.Results).Counterexample!;
        var text = cex.ToText();
        output.WriteLine(text);
        Assert.StartsWith("WIPE-5: ", cex.Rule, StringComparison.Ordinal);
        Assert.Matches(@"wipeScrubPage\(p=Page!val!\d+\)", cex.Operation);
        Assert.Contains(cex.Entries, e => e.Location.StartsWith("content[", StringComparison.Ordinal) && e.Before == "Work" && e.After == "Work");
        Assert.Contains(cex.Entries, e => e.Location.StartsWith("pageState[Work][", StringComparison.Ordinal) && e.After == "None");
    }

    [Fact]
    public void EveryMutantObligation_Exists()
    {
        var ids = ObligationSet.For(SpecModel.Default, Handset).Select(o => o.Id).ToHashSet();
        foreach (var m in SpecMutants.All)
            Assert.All(m.MustRefute, id => Assert.Contains(id, ids));
    }
}
