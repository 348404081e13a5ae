using System.Text.Json.Nodes;
using Persona.Cli.Reports;
using Persona.Cli.Verification;
using Persona.Hypervisor;
using Persona.Proofs.Mutants;
using Persona.Spec.Platforms;

namespace Persona.Cli.Tests.Reports;

/// <summary>The reports of one <c>persona verify</c> run on the default platform, through the command line as a user runs it.</summary>
public sealed class DefaultVerifyRun : IDisposable
{
    public DefaultVerifyRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"persona-reports-default-{Guid.NewGuid():N}");
        (ExitCode, Output, _) = CliRunner.Run("verify", "--reports", Directory, "--workers", "2");
        Json = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Directory, ReportFiles.Json)))!;
    }

    public string Directory { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public JsonNode Json { get; }

    public string File(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        // PERSONA_KEEP_REPORTS=1 keeps the reports to look at (their directory is persona-reports-* in the temp folder).
        if (Environment.GetEnvironmentVariable("PERSONA_KEEP_REPORTS") != "1" && System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, true);
    }
}

/// <summary>
/// The reports of a verify run with a bug seeded in every stage: a spec mutant for the proofs, a protocol bug for the systematic tests,
/// a hypervisor mutant for the validated scenario. Each stage runs for real; only the bugs are chosen.
/// </summary>
public sealed class SeededBugsRun : IDisposable
{
    /// <summary>The spec mutant: share does not check the sender owns the page.</summary>
    public static readonly SpecMutant Mutant = SpecMutants.All.Single(m => m.Name == "share-without-owner-check");

    /// <summary>The protocol bug: a page changes hands before every core acknowledged the shoot-down.</summary>
    public const string ProtocolBug = "protocols-bug-release-before-acks";

    /// <summary>The hypervisor bug: unshare leaves the page mapped in the borrower's tables.</summary>
    public const HypervisorMutant HypervisorBug = HypervisorMutant.UnshareKeepsBorrowerMapping;

    public SeededBugsRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"persona-reports-seeded-{Guid.NewGuid():N}");
        var platform = DefaultPlatform.Load();
        var options = new VerifyOptions(Workers: 2, Seed: 1, ReportDirectory: Directory);
        // The share obligations hold the mutant's refutations and, for the other rules, obligations the mutant still proves.
        IVerificationStage[] stages =
        [
            new ProofStage(Mutant.Model, o => o.Id.StartsWith("IND.share.", StringComparison.Ordinal)),
            new SystematicStage(200, [ProtocolBug]),
            new ScenarioStage(HypervisorBug),
        ];
        Report = new VerifyReport(platform, options, [.. stages.Select(s => s.Run(platform, options, new Progress<double>()))]);
        ReportFiles.Write(Report, Directory);
        Json = JsonNode.Parse(System.IO.File.ReadAllText(File(ReportFiles.Json)))!;
    }

    public string Directory { get; }

    public VerifyReport Report { get; }

    public JsonNode Json { get; }

    public string File(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        // PERSONA_KEEP_REPORTS=1 keeps the reports to look at (their directory is persona-reports-* in the temp folder).
        if (Environment.GetEnvironmentVariable("PERSONA_KEEP_REPORTS") != "1" && System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, true);
    }
}

[CollectionDefinition("verify reports")]
public sealed class VerifyReportsCollection : ICollectionFixture<DefaultVerifyRun>, ICollectionFixture<SeededBugsRun>;
