namespace Persona.Cli.Tests;

public class ProveCommandTests
{
    [Fact]
    public void Prove_FilteredToInitiation_ProvesAndExitsZero()
    {
        var (code, output, _) = CliRunner.Run("prove", "--filter", "INIT.", "--workers", "1");
        Assert.Equal(0, code);
        Assert.Contains("INIT.MEM-1", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ proved, 0 refuted, 0 unknown", output);
    }

    [Fact]
    public void Prove_WithAPlatformThatBreaksARule_ExitsOneWithTheCounterexample()
    {
        var file = Path.Combine(Path.GetTempPath(), $"persona-display-to-work-{Environment.ProcessId}.platform");
        File.WriteAllText(file, Persona.Spec.Platforms.DefaultPlatform.Text.Replace("assign device=display to=personal", "assign device=display to=work", StringComparison.Ordinal));
        try
        {
            var (code, output, _) = CliRunner.Run("prove", file, "--filter", "INIT.DEV-1", "--workers", "1");
            Assert.Equal(1, code);
            Assert.Contains("counterexample to INIT.DEV-1", output, StringComparison.Ordinal);
            Assert.Contains("deviceOwner[", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Prove_EmitsOneSmtLibFilePerObligation_AndWritesResults()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"persona-emit-{Environment.ProcessId}");
        var results = Path.Combine(dir, "results.json");
        try
        {
            var (code, _, _) = CliRunner.Run("prove", "--filter", "IND.share.", "--emit", dir, "--results", results, "--workers", "1");
            Assert.Equal(0, code);
            var files = Directory.GetFiles(dir, "*.smt2");
            Assert.Equal(Persona.Spec.SpecModel.Default.Rules.Count, files.Length);
            Assert.All(files, f => Assert.Contains("(check-sat)", File.ReadAllText(f), StringComparison.Ordinal));
            Assert.Contains("\"Status\": \"Proved\"", File.ReadAllText(results), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("overlap", "region name=work          kind=work          base=0x52000000 size=224MiB", "region name=work kind=work base=0x51000000 size=224MiB", "overlaps region 'personal'")]
    [InlineData("misaligned", "region name=work          kind=work          base=0x52000000 size=224MiB", "region name=work kind=work base=0x52000800 size=224MiB", "not aligned")]
    [InlineData("unknown-device", "assign device=gps     to=personal", "assign device=radio to=personal", "unknown device 'radio'")]
    [InlineData("twice-assigned", "assign device=gps     to=personal", "assign device=gps to=personal\nassign device=gps to=work", "two exclusive assignments")]
    [InlineData("syntax", "platform name=handset-2011", "platform name=handset-2011 oops", "expected key=value")]
    public void Prove_WithABadPlatformFile_ExitsTwoWithOneMessageNamingFileLineAndFault(string name, string find, string replace, string fault)
    {
        var text = Persona.Spec.Platforms.DefaultPlatform.Text;
        Assert.Contains(find, text, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"persona-bad-{name}-{Environment.ProcessId}.platform");
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal));
        try
        {
            foreach (var command in new[] { "prove", "verify" })
            {
                var (code, output, error) = CliRunner.Run(command, file);
                Assert.Equal(2, code);
                Assert.Matches($@"^persona: {System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: .*{System.Text.RegularExpressions.Regex.Escape(fault)}", error);
                Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Prove_WithAMissingPlatformFile_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("prove", "/nonexistent/handset.platform");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/handset.platform", error, StringComparison.Ordinal);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prove", "--workers", "0")]
    [InlineData("prove", "--timeout", "soon")]
    [InlineData("prove", "--no-such-option")]
    [InlineData("prove", "--filter", "NO-SUCH-OBLIGATION")]
    [InlineData("no-such-command")]
    public void BadOptions_ExitTwoWithAMessage(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("persona: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }
}
