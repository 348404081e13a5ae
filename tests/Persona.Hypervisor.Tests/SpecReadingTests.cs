using Persona.Hypervisor.Running;
using Persona.Hypervisor.Validation;
using Persona.Spec;
using Persona.Spec.Model;
using Persona.Spec.Rules;
using static Persona.Spec.Terms.Spec;

namespace Persona.Hypervisor.Tests;

/// <summary>The validator reads the spec's single definitions: changing one changes its verdict; and the page-local shortcut is sound.</summary>
public sealed class SpecReadingTests
{
    [Fact]
    public void ChangingARulesSingleDefinitionChangesTheValidatorsVerdict()
    {
        // MEM-2 strengthened to "no persona maps anything": the correct machine must now be rejected at boot, naming MEM-2.
        var strict = new Rule("MEM-2", "No page is mapped in a persona's tables.", "a spec mutant",
            s => ForAll<Persona.Spec.Terms.Page>(p => !s.IsMapped(Lit(Component.Personal), p)));
        var (_, hypervisor, _) = PersonaRun.Build(Persona.Spec.Platforms.DefaultPlatform.Load(), new RunOptions(Validate: false));
        var validator = new Validator(hypervisor, SpecModel.Default.With(strict));
        validator.CheckBoot();
        Assert.NotNull(validator.FirstViolation);
        Assert.Contains("MEM-2", validator.FirstViolation.BrokenRules);
    }

    [Fact]
    public void EveryRuleIsPageLocalSoTheTouchedPageShortcutIsSound()
    {
        foreach (var rule in SpecModel.Default.Rules)
            Assert.True(RuleFootprint.Of(rule).ReadsPageAtBoundVariableOnly, $"{rule.Id} reads a page other than its bound page");
    }

    [Fact]
    public void ARuleReadingAPageOtherThanItsBoundPageIsNotPageLocal()
    {
        var neighbourly = new Rule("X-1", "A mapped page implies that page q is mapped too.", "test",
            s => ForAll<Persona.Spec.Terms.Page>(p => s.IsMapped(Lit(Component.Personal), p).Implies(s.IsMapped(Lit(Component.Personal), Var<Persona.Spec.Terms.Page>("q")))));
        Assert.False(RuleFootprint.Of(neighbourly).ReadsPageAtBoundVariableOnly);
    }
}
