using Persona.Systematic.Models;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Tests;

/// <summary>A test contributed by another assembly (this test project), as the hypervisor protocols will be.</summary>
[SystematicTest("contributed-by-test-assembly", RunByDefault = true, Description = "shows that other assemblies can add tests")]
public sealed class ContributedTest : ISystematicTest
{
    public void Setup(IActorRuntime runtime) => runtime.CreateActor<PingServer>();
}

public sealed class RegistryTests
{
    [Fact]
    public void Registry_FindsTheBuiltInModels_WithTheirFlags()
    {
        var tests = TestRegistry.Discover([typeof(TestRegistry).Assembly]);
        var names = tests.Select(t => t.Name).ToList();
        foreach (var n in new[] { "raft-two-leaders", "chain-replication-bug", "failure-detector-bug", "reorder-3-bug", "dining-philosophers-3-bug", "account-bug" })
        {
            Assert.Contains(n, names);
            Assert.True(tests.Single(t => t.Name == n).ExpectsBug);
        }
        Assert.DoesNotContain(tests, t => t.RunByDefault);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Registry_FindsTestsOfOtherAssemblies_AndTheirDefaultFlag()
    {
        var tests = TestRegistry.Discover([typeof(TestRegistry).Assembly, typeof(RegistryTests).Assembly]);
        var contributed = tests.Single(t => t.Name == "contributed-by-test-assembly");
        Assert.True(contributed.RunByDefault);
        Assert.IsType<ContributedTest>(contributed.Create());
    }

    [Fact]
    public void EveryRegisteredModel_HasADescription_AndEveryBugModelABugFreeSibling()
    {
        var tests = TestRegistry.Discover([typeof(TestRegistry).Assembly]);
        Assert.All(tests, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        Assert.True(tests.Count(t => t.ExpectsBug) >= 6);
        foreach (var family in new[] { "raft", "chain-replication", "failure-detector", "reorder", "dining-philosophers", "account" })
        {
            Assert.Contains(tests, t => t.Name.StartsWith(family, StringComparison.Ordinal) && !t.ExpectsBug);
        }
    }
}
