using Persona.TestSupport;
using Xunit.Abstractions;

namespace Persona.Cli.Tests;

/// <summary><c>persona run</c> on several cores: the <c>cores</c> directive, the <c>--cores</c> option, and their bad values.</summary>
public sealed class RunCommandTests(ITestOutputHelper output)
{
    private static string ScenarioFile(string name) => Path.Combine(Repository.Root, "spec", "scenarios", name);

    [Fact]
    public void Run_TwoCoreDayScenario_PassesValidated_WithCore1FollowingEverySwitch()
    {
        var (code, text, error) = CliRunner.Run("run", ScenarioFile("day-2cores.scenario"));
        output.WriteLine(text.Length > 4000 ? text[^4000..] : text);
        output.WriteLine(error);
        Assert.Equal(0, code);
        Assert.Contains("scenario day-2cores", text, StringComparison.Ordinal);
        Assert.Contains("on 2 cores", text, StringComparison.Ordinal);
        // Core 1 really ran: both personas' secondary vCPUs started there, and the run ended with every trap validated.
        Assert.Contains("[personal uart] personal: vcpu 1 start 0x0000000000000000", text, StringComparison.Ordinal);
        Assert.Contains("[work uart] work: vcpu 1 start 0x0000000000000000", text, StringComparison.Ordinal);
        var summary = text.Split('\n').Single(l => l.Contains(" traps, ", StringComparison.Ordinal));
        var words = summary.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(words[Array.IndexOf(words, "traps,") - 1], words[Array.IndexOf(words, "validated,") - 1]);
        Assert.EndsWith("PASS", text.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("two")]
    [InlineData("-1")]
    public void Run_BadCoresOption_ExitsTwo_NamingTheOption(string value)
    {
        var (code, text, error) = CliRunner.Run("run", "--cores", value);
        output.WriteLine(error);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--cores", error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadCoresDirective_ExitsTwo_NamingFileAndLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"persona-cores-{Environment.ProcessId}.scenario");
        File.WriteAllText(file, "scenario name=t\n# too many\ncores 99\n");
        try
        {
            var (code, _, error) = CliRunner.Run("run", file);
            output.WriteLine(error);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains($"{file}:3: expected 'cores N' with N a whole number from 1 to 16, not 'cores 99'", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Run_CoresOption_OverridesTheScenario()
    {
        // The two-core day's file asks for two cores; --cores 1 runs it on one, where no secondary vCPU starts (that expectation is missed).
        var (code, text, _) = CliRunner.Run("run", ScenarioFile("day-2cores.scenario"), "--cores", "1", "--no-validate");
        Assert.Equal(ExitCodes.VerificationFailed, code);
        Assert.Contains("on 1 core", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[personal uart] personal: vcpu 1 start", text, StringComparison.Ordinal);
        Assert.Contains("personal never printed \"personal: vcpu 1 start 0x0000000000000000\"", text, StringComparison.Ordinal);
    }
}
