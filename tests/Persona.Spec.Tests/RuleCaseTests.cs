using Persona.Spec.Concrete;

namespace Persona.Spec.Tests;

/// <summary>Every rule has a state where it holds and states where it breaks, so a rule weakened or strengthened by mistake is caught.</summary>
public class RuleCaseTests
{
    private static readonly ConcreteSpec Tiny = new(SpecModel.Default, TestWorlds.Small());

    public static TheoryData<string> RuleIds => [.. SpecModel.Default.Rules.Select(r => r.Id)];

    [Fact]
    public void EveryRuleOfTheSpec_HasACaseInTheTable()
    {
        var ruleIds = SpecModel.Default.Rules.Select(r => r.Id).ToHashSet();
        var missing = ruleIds.Except(RuleCases.ById.Keys).Order().ToList();
        var stale = RuleCases.ById.Keys.Except(ruleIds).Order().ToList();
        Assert.True(missing.Count == 0, $"rules with no passing/failing case: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"cases for rules the spec does not have: {string.Join(", ", stale)}");
    }

    [Fact]
    public void EveryRuleCase_HasAtLeastOneBreakingEdit()
    {
        var without = RuleCases.ById.Values.Where(c => c.Breaking.Count == 0).Select(c => c.RuleId).ToList();
        Assert.True(without.Count == 0, $"rule cases with no breaking state: {string.Join(", ", without)}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HoldsInItsPassingCase_AndBreaksInEveryFailingCase(string ruleId)
    {
        var rule = SpecModel.Default.Rule(ruleId);
        var ruleCase = RuleCases.ById[ruleId];
        var boot = Tiny.InitialState();
        Assert.True(Tiny.Holds(rule, boot), $"{ruleId} does not hold in the boot state");
        Assert.True(Tiny.Holds(rule, ruleCase.Holding(boot)), $"{ruleId} does not hold in its passing case");
        foreach (var (why, edit) in ruleCase.Breaking)
        {
            var broken = edit(boot);
            Assert.False(Tiny.Holds(rule, broken), $"{ruleId} still holds when {why}");
            Assert.Contains(rule, Tiny.BrokenRules(broken));
        }
    }

    [Fact]
    public void EditingAState_LeavesTheOriginalUnchanged()
    {
        // The cases all edit one boot state; an edit that leaked into it would make every later case meaningless.
        var boot = Tiny.InitialState();
        _ = RuleCases.Wiped(boot);
        Assert.Empty(Tiny.BrokenRules(boot));
        Assert.Equal(Model.PageState.Owned, boot.PageStateOf(Model.Component.Work, TinyWorld.WorkPage));
        Assert.Equal(Model.Label.WorkKey, boot.ContentOf(TinyWorld.KeyPage));
    }
}
