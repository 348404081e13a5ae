using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Proofs.Tests;

[Collection("proof run")]
public class DefaultSpecProofTests(ProofRunFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void DefaultSpec_EveryObligation_IsProved()
    {
        foreach (var r in fixture.Run.Results.Where(r => r.Status != ProofStatus.Proved))
            output.WriteLine($"{r.Id}: {r.Status} {r.Reason} {r.Counterexample?.ToText()}");
        Assert.All(fixture.Run.Results, r => Assert.Equal(ProofStatus.Proved, r.Status));
    }

    [Fact]
    public void Obligations_CoverEveryRuleAndOperation()
    {
        var ids = fixture.Run.Results.Select(r => r.Id).ToHashSet();
        var model = SpecModel.Default;
        foreach (var rule in model.Rules)
        {
            Assert.Contains($"INIT.{rule.Id}", ids);
            foreach (var op in model.Operations) Assert.Contains($"IND.{op.Name}.{rule.Id}", ids);
        }
        foreach (var op in model.WipeSteps) Assert.Contains($"WIPE-6.{op.Name}", ids);
        Assert.Contains("NI-3.writePage.Personal", ids);
        Assert.Contains("NI-4.postNotification.Personal", ids);
        Assert.Contains("NI-1.share.Work", ids);
        Assert.Contains("NI-2.compute.Work", ids);
    }

    [Fact]
    public void Proofs_NameTheRulesTheyUse()
    {
        // An inductiveness proof of MEM-4 under share needs MEM-4 in the pre-state (an unsat core that names the rules involved).
        var r = fixture.Run.Results.Single(x => x.Id == "IND.share.MEM-4");
        Assert.Contains("guard-share@s", r.UnsatCore);
        Assert.Contains(r.UnsatCore, n => n.StartsWith("MEM-", StringComparison.Ordinal) || n.StartsWith("SHR-", StringComparison.Ordinal));
    }

    [Fact]
    public void Initiation_WithAForegroundDeviceGivenToWork_IsRefutedWithTheDevice()
    {
        var text = DefaultPlatform.Text.Replace("assign device=display to=personal", "assign device=display to=work", StringComparison.Ordinal);
        var platform = PlatformParser.Parse(text, "display-to-work.platform");
        var run = ProofRun.Execute(SpecModel.Default, platform, new ProofOptions(Workers: 1), filter: o => o.Kind == ObligationKind.Initiation);
        var dev1 = run.Results.Single(r => r.Id == "INIT.DEV-1");
        Assert.Equal(ProofStatus.Refuted, dev1.Status);
        output.WriteLine(dev1.Counterexample!.ToText());
        Assert.Contains(dev1.Counterexample.Entries, e => e.Location.StartsWith("deviceOwner[", StringComparison.Ordinal) && e.Before == "Work");
        Assert.All(run.Results.Where(r => r.Id != "INIT.DEV-1" && r.Id != "INIT.DEV-3"), r => Assert.Equal(ProofStatus.Proved, r.Status));
    }
}
