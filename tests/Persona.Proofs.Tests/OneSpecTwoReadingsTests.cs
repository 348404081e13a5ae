using Persona.Proofs.Mutants;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Platforms;

namespace Persona.Proofs.Tests;

/// <summary>Breaking one definition changes both readings: a proof result and a concrete verdict.</summary>
public class OneSpecTwoReadingsTests
{
    private const long WorkPage = 0x40007;

    [Fact]
    public void ShareWithoutOwnerCheck_RefutesTheProof_AndBreaksTheRuleConcretely()
    {
        var mutant = SpecMutants.All.Single(m => m.Name == "share-without-owner-check");
        var platform = EmbeddedPlatforms.Tiny();

        // Symbolic reading: the proof of MEM-1 under share fails for the mutant and holds for the spec.
        var proofOptions = new ProofOptions(Workers: 1);
        Assert.Equal(ProofStatus.Refuted, ProofRun.Execute(mutant.Model, platform, proofOptions, filter: o => o.Id == "IND.share.MEM-1").Results[0].Status);
        Assert.Equal(ProofStatus.Proved, ProofRun.Execute(SpecModel.Default, platform, proofOptions, filter: o => o.Id == "IND.share.MEM-1").Results[0].Status);

        // Concrete reading: the personal persona shares a work page with the hypervisor.
        var args = new Dictionary<string, object> { ["from"] = (int)Component.Personal, ["to"] = (int)Component.Hypervisor, ["p"] = WorkPage };
        var world = PlatformWorld.Of(platform);
        var correct = new ConcreteSpec(SpecModel.Default, world);
        var broken = new ConcreteSpec(mutant.Model, world);
        var start = correct.InitialState();

        var (refused, ok) = correct.Apply(SpecModel.Default.Operation("share"), start, args);
        Assert.False(ok);
        Assert.Empty(correct.BrokenRules(refused));

        var (after, accepted) = broken.Apply(mutant.Model.Operation("share"), start, args);
        Assert.True(accepted);
        Assert.Contains(broken.BrokenRules(after), r => r.Id == "MEM-1");
    }

    [Fact]
    public void WeakenedRule_ChangesBothReadings()
    {
        // Break the single definition of SHR-7 (the hypervisor never lends a page) into "always true".
        var weakened = SpecModel.Default.Rule("SHR-7") with { Definition = _ => true };
        var model = SpecModel.Default.With(weakened);
        var platform = EmbeddedPlatforms.Tiny();
        var world = PlatformWorld.Of(platform);

        // Concrete reading: a state where the hypervisor lends its page to the work persona breaks SHR-7, but not the weakened one.
        var spec = new ConcreteSpec(SpecModel.Default, world);
        var start = spec.InitialState();
        var pages = (MapValue)start[Fields.PageStates.Name];
        const long hypervisorPage = 0x40000;
        var lent = pages
            .Store((int)Component.Hypervisor, ((MapValue)pages.Get((int)Component.Hypervisor)).Store(hypervisorPage, (int)PageState.SharedOwned))
            .Store((int)Component.Work, ((MapValue)pages.Get((int)Component.Work)).Store(hypervisorPage, (int)PageState.SharedBorrowed));
        var state = start.With(new Dictionary<string, object> { [Fields.PageStates.Name] = lent });
        Assert.False(spec.Holds(SpecModel.Default.Rule("SHR-7"), state));
        Assert.True(new ConcreteSpec(model, world).Holds(weakened, state));

        // Symbolic reading: without SHR-7 as a premise, unshare no longer preserves WIPE-5 (work data left in a page
        // the hypervisor takes back from work), so the proof that held becomes a counterexample.
        var options = new ProofOptions(Workers: 1);
        var before = ProofRun.Execute(SpecModel.Default, platform, options, filter: o => o.Id == "IND.unshare.WIPE-5").Results[0];
        var after = ProofRun.Execute(model, platform, options, filter: o => o.Id == "IND.unshare.WIPE-5").Results[0];
        Assert.Equal(ProofStatus.Proved, before.Status);
        Assert.Contains("SHR-7@s", before.UnsatCore);
        Assert.Equal(ProofStatus.Refuted, after.Status);
    }
}
