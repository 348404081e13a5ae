using Persona.Hypervisor.Scenarios;

namespace Persona.Hypervisor.Tests;

/// <summary>The scenario directive <c>cores N</c>: parsed into the scenario, bad counts named by file and line.</summary>
public sealed class ScenarioCoresTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData("cores 1\n", 1)]
    [InlineData("cores 2\n", 2)]
    [InlineData("cores 16\n", 16)]
    public void CoresDirective_SetsTheCoreCount(string line, int cores) =>
        Assert.Equal(cores, ScenarioParser.Parse("scenario name=t\n" + line, "t").Cores);

    [Theory]
    [InlineData("cores 0\n", "t:2: expected 'cores N' with N a whole number from 1 to 16, not 'cores 0'")]
    [InlineData("cores 17\n", "t:2: expected 'cores N' with N a whole number from 1 to 16, not 'cores 17'")]
    [InlineData("cores -2\n", "t:2: expected 'cores N' with N a whole number from 1 to 16, not 'cores -2'")]
    [InlineData("cores\n", "t:2: expected 'cores N' with N a whole number from 1 to 16, not 'cores '")]
    [InlineData("cores two\n", "t:2: expected 'cores N' with N a whole number from 1 to 16, not 'cores two'")]
    [InlineData("cores 99999999999\n", "t:2: expected 'cores N' with N a whole number from 1 to 16, not 'cores 99999999999'")]
    [InlineData("cores 2\ncores 2\n", "t:3: a second 'cores' line")]
    public void BadCoresLines_NameFileLineAndFault(string body, string message)
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioParser.Parse("scenario name=t\n" + body, "t"));
        Assert.Equal(message, e.Message);
    }
}
