using System.Xml.Linq;
using Persona.Cli.Commands;
using Persona.Cli.Verification;
using Persona.Hypervisor;
using Persona.Hypervisor.Running;
using Persona.Spec.Platforms;
using Persona.TestSupport;

namespace Persona.Cli.Tests;

/// <summary><c>persona verify PLATFORM</c> verifies that platform in every stage: the scenario boots the hypervisor on it, a platform
/// the emulated handset cannot host says why, and a layout that breaks isolation is refuted by the proofs.</summary>
public sealed class PlatformVerifyTests
{
    private static Platform Load(string name) => PlatformParser.ParseFile(Path.Combine(Repository.Root, "spec", "platforms", name));

    [Fact]
    public void ScenarioStage_OnHandset2013_BootsThatLayoutAndPassesTheValidatedDay()
    {
        var platform = Load("handset-2013.platform");
        Assert.Empty(PlatformFit.Problems(platform));

        var result = new ScenarioStage().Run(platform, new VerifyOptions(1, 1, Path.GetTempPath()), new Progress<double>());

        Assert.True(result.Passed, string.Join("\n", result.Evidence));
        Assert.Null(result.NotApplicable);
        var outcome = Assert.IsType<ScenarioOutcome>(result.Data);
        Assert.True(outcome.Validated > 0);
        // The ownership map is read from the booted hypervisor's platform: its bands are 2013's regions, not the 2011 default's.
        Assert.Equal(0x4400_0000UL, outcome.Ownership.Bands.First(b => b.Region == "personal").Base);
        Assert.Equal(0x5C00_0000UL, outcome.Ownership.Bands.First(b => b.Region == "work").Base);
        Assert.Equal(1UL << 30, (ulong)outcome.Ownership.Bands.Sum(b => b.Frames) * Platform.PageSize);
    }

    [Fact]
    public void Handset2013_PlacesTheHypervisorTablesInsideItsOwnHypervisorRegion()
    {
        var platform = Load("handset-2013.platform");
        var hypervisor = platform.Regions.Single(r => r.Kind == Spec.Model.RegionKind.Hypervisor).Range;

        Assert.Equal(0x4100_0000UL, PlatformFit.TablePoolBase(platform));
        Assert.True(hypervisor.Contains(PlatformFit.SmmuPoolBase(platform) + Hypervisor.Dma.SmmuDriver.PoolSize - 1));
        // The default platform keeps the address its tables always had.
        Assert.Equal(0x4080_0000UL, PlatformFit.TablePoolBase(DefaultPlatform.Load()));
    }

    [Fact]
    public void PersonaRun_OnTiny_IsBadInputNamingTheFileTheRegionAndWhy()
    {
        var tiny = Load("tiny.platform");

        var error = Assert.Throws<PlatformFitException>(() => PersonaRun.Build(tiny, new RunOptions()));

        Assert.Contains("tiny.platform", error.Message, StringComparison.Ordinal);
        Assert.Equal("region hyp", error.Field);
        Assert.Contains("stage-2 table pool", error.Fault, StringComparison.Ordinal);
        Assert.Equal(error.Message, ExitCodes.BadInputMessage(error));
    }

    [Theory]
    [InlineData("region personal", "base=0x42000000 size=256MiB", "base=0x42000000 size=1MiB", "too small for the personal kernel")]
    [InlineData("device #3", "device name=camera  kind=exclusive  mmio=0x0a103000", "device name=camera  kind=exclusive  mmio=0x0a109000", "CAMERA_IPA")]
    [InlineData("device gps mmio", "mmio=0x0a104000", "mmio=0x09000000", "overlaps the emulated UART")]
    [InlineData("ram base", "ram base=0x40000000 size=512MiB", "ram base=0x3FFFF000 size=0x20001000", "QEMU virt")]
    public void PlatformFit_NamesTheFieldThatDoesNotFit(string field, string from, string to, string why)
    {
        var text = DefaultPlatform.Text.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(DefaultPlatform.Text, text);
        var platform = PlatformParser.Parse(text, "changed.platform");

        var problems = PlatformFit.Problems(platform);

        Assert.Contains(problems, p => p.Field == field && p.Fault.Contains(why, StringComparison.Ordinal));
        Assert.Empty(PlatformFit.Problems(DefaultPlatform.Load()));
    }

    [Fact]
    public void Verify_OnTiny_ReportsTheScenarioNotApplicable_WithoutFailing()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"persona-verify-tiny-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(dir);
            var (code, output) = RunVerify(Load("tiny.platform"), dir, [new ScenarioStage()]);

            Assert.Equal(ExitCodes.Ok, code);
            Assert.Contains("validated scenario not applicable:", output, StringComparison.Ordinal);
            Assert.Contains("tiny.platform: region hyp:", output, StringComparison.Ordinal);
            Assert.Contains("verified, except validated scenario (not applicable)", output, StringComparison.Ordinal);
            var suite = XDocument.Load(Path.Combine(dir, "verify.junit.xml")).Root!.Element("testsuite")!;
            Assert.Equal(1, (int)suite.Attribute("skipped")!);
            Assert.Equal(0, (int)suite.Attribute("failures")!);
            Assert.Contains("region hyp", (string)suite.Element("testcase")!.Element("skipped")!.Attribute("message")!, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Verify_APlatformWhoseBootAssignmentBreaksIsolation_IsRefutedByTheProofs_ExitOne()
    {
        // The display follows the foreground, so handing it to the background persona at boot breaks DEV-1 in the initial state.
        var text = File.ReadAllText(Path.Combine(Repository.Root, "spec", "platforms", "tiny.platform"))
            .Replace("assign device=display to=personal", "assign device=display to=work", StringComparison.Ordinal);
        var platform = PlatformParser.Parse(text, "display-to-work.platform");
        var dir = Path.Combine(Path.GetTempPath(), $"persona-verify-refuted-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(dir);
            var (code, output) = RunVerify(platform, dir, [new ProofStage(filter: o => o.Id.StartsWith("INIT.", StringComparison.Ordinal)), new ScenarioStage()]);

            Assert.Equal(ExitCodes.VerificationFailed, code);
            Assert.Contains("INIT.DEV-1", output, StringComparison.Ordinal);
            Assert.Contains("deviceOwner[", output, StringComparison.Ordinal);
            Assert.Contains("verification failed", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    private static (int Code, string Output) RunVerify(Platform platform, string dir, IReadOnlyList<IVerificationStage> stages)
    {
        var output = new StringWriter();
        var old = Spectre.Console.AnsiConsole.Console;
        Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No,
        });
        // Wide enough that no message wraps: where a line breaks depends on the checkout's path length.
        Spectre.Console.AnsiConsole.Console.Profile.Width = 1000;
        try
        {
            var code = VerifyCommand.Run(platform, new VerifyOptions(1, 1, dir), stages);
            return (code, output.ToString());
        }
        finally
        {
            Spectre.Console.AnsiConsole.Console = old;
        }
    }
}
