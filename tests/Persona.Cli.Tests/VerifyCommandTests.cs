using System.Xml.Linq;

namespace Persona.Cli.Tests;

public class VerifyCommandTests
{
    [Fact]
    public void Verify_OnTheDefaultPlatform_PassesEveryStage_AndWritesJsonAndJUnitReports()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"persona-verify-{Environment.ProcessId}");
        try
        {
            var (code, output, _) = CliRunner.Run("verify", "--reports", dir, "--workers", "2");
            Assert.Equal(0, code);
            Assert.Contains("verified", output, StringComparison.Ordinal);
            Assert.Contains("\"Stage\": \"proofs\"", File.ReadAllText(Path.Combine(dir, "verify.json")), StringComparison.Ordinal);

            var junit = XDocument.Load(Path.Combine(dir, "verify.junit.xml"));
            var suites = junit.Root!.Elements("testsuite").ToList();
            Assert.Equal(["proofs", "systematic tests", "validated scenario"], suites.Select(s => (string)s.Attribute("name")!));
            var proofs = suites[0];
            Assert.Equal(Persona.Proofs.Obligations.ObligationSet.For(Persona.Spec.SpecModel.Default, Persona.Spec.Platforms.DefaultPlatform.Load()).Count,
                (int)proofs.Attribute("tests")!);
            Assert.All(suites, s => Assert.Equal(0, (int)s.Attribute("failures")!));
            Assert.Contains(proofs.Elements("testcase"), c => (string)c.Attribute("name")! == "NI-3.writePage.Personal");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}

public class JUnitReportTests
{
    [Fact]
    public void FailedStage_BecomesAFailureCarryingItsEvidence()
    {
        var stages = new[]
        {
            new Persona.Cli.Verification.StageResult("validated scenario", false, "1 violation", ["trap 12: MEM-2 broken at IPA 0x40001000"], 1.5, null),
            new Persona.Cli.Verification.StageResult("systematic tests", true, "clean", [], 2.0, null),
        };
        var doc = Persona.Cli.Verification.JUnitReport.Of("tiny", stages);
        var failed = doc.Root!.Elements("testsuite").First();
        Assert.Equal(1, (int)failed.Attribute("failures")!);
        Assert.Contains("MEM-2 broken", failed.Element("testcase")!.Element("failure")!.Value, StringComparison.Ordinal);
        Assert.Equal(0, (int)doc.Root.Elements("testsuite").Last().Attribute("failures")!);
    }
}
