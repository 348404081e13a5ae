using Persona.Proofs.Mutants;
using Persona.Proofs.Proving;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Proofs.Tests;

/// <summary>A refuted relational obligation reads its counterexample from both states: the entry before the step and the one after it.</summary>
public sealed class CounterexampleDecodingTests(ITestOutputHelper output)
{
    [Fact]
    public void WipeScopingCounterexample_ShowsThePersonalPageBeforeAndAfterTheScrub()
    {
        var mutant = SpecMutants.All.Single(m => m.Name == "wipe-scrubs-returned-page");
        var run = ProofRun.Execute(mutant.Model, DefaultPlatform.Load(), new ProofOptions(Workers: 1), filter: o => o.Id == "WIPE-6.wipeReturnBorrowed");
        var result = Assert.Single(run.Results);
        Assert.Equal(ProofStatus.Refuted, result.Status);
        var cex = result.Counterexample!;
        output.WriteLine(cex.ToText());
        // The page work borrowed from the personal side held something before the step and zeros after it.
        Assert.Contains(cex.Entries, e => e.Location.StartsWith("content[", StringComparison.Ordinal) && e.Before != "Zero" && e.After == "Zero");
        Assert.Contains(cex.Entries, e => e.Location.StartsWith("pageState[Work][", StringComparison.Ordinal) && e.Before == "SharedBorrowed" && e.After == "None");
    }
}
