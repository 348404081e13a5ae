namespace Persona.Spec.Tests;

/// <summary>Every operation succeeds from a reachable state keeping every rule, and is refused (changing nothing) when its guard is false.</summary>
public partial class OperationTests
{
    public static TheoryData<string> OperationNames => [.. SpecModel.Default.Operations.Select(o => o.Name)];

    [Fact]
    public void EveryOperationOfTheSpec_HasACaseInTheTable()
    {
        var names = SpecModel.Default.Operations.Select(o => o.Name).ToHashSet();
        var missing = names.Except(OperationCases.ByName.Keys).Order().ToList();
        var stale = OperationCases.ByName.Keys.Except(names).Order().ToList();
        Assert.True(missing.Count == 0, $"operations with no case: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"cases for operations the spec does not have: {string.Join(", ", stale)}");
        var unrefused = OperationCases.ByName.Values.Where(c => c.Refusals.Length == 0).Select(c => c.Name).ToList();
        Assert.True(unrefused.Count == 0, $"operations with no refused case: {string.Join(", ", unrefused)}");
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public void Operation_FromAReachableState_SucceedsWithItsEffectAndKeepsEveryRule(string name)
    {
        var operationCase = OperationCases.ByName[name];
        Assert.Same(SpecModel.Default.Operation(name), operationCase.Success.Op);
        var driver = new SpecDriver();
        foreach (var step in operationCase.Setup) driver.Do(step.Op, step.Args);
        var before = driver.State;
        var after = driver.Do(operationCase.Success.Op, operationCase.Success.Args);
        Assert.NotSame(before, after);
        operationCase.Effect(before, after);
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public void Operation_WithItsGuardFalse_IsRefusedAndReturnsTheSameState(string name)
    {
        foreach (var refusal in OperationCases.ByName[name].Refusals)
        {
            Assert.Same(SpecModel.Default.Operation(name), refusal.Call.Op);
            var driver = new SpecDriver();
            foreach (var step in refusal.Setup) driver.Do(step.Op, step.Args);
            driver.Refuse(refusal.Call.Op, refusal.Call.Args);
        }
    }
}
