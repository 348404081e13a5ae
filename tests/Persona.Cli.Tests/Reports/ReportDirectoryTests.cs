namespace Persona.Cli.Tests.Reports;

public sealed class ReportDirectoryTests
{
    [Fact]
    public void Verify_WithAReportsPathThatIsAFile_ExitsTwoBeforeRunningAnything_NamingThePath()
    {
        var file = Path.Combine(Path.GetTempPath(), $"persona-reports-is-a-file-{Guid.NewGuid():N}");
        File.WriteAllText(file, "not a directory");
        try
        {
            var (code, output, error) = CliRunner.Run("verify", "--reports", file);
            Assert.Equal(2, code);
            Assert.StartsWith($"persona: --reports {file}: cannot write the reports there", error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
            Assert.DoesNotContain("proofs", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
