using System.Text.Json;
using System.Text.Json.Serialization;
using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Smt;
using Persona.Spec;
using Persona.Spec.Platforms;

namespace Persona.Proofs;

/// <summary>A whole proof run: every obligation of a spec model on a platform, with its results.</summary>
/// <param name="Platform">The platform's name.</param>
/// <param name="SolverVersion">The Z3 version used.</param>
/// <param name="Results">Each obligation's result, in order.</param>
/// <param name="TotalMilliseconds">Wall time of the run.</param>
public sealed record ProofRun(string Platform, string SolverVersion, IReadOnlyList<ProofResult> Results, double TotalMilliseconds)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True when every obligation was proved.</summary>
    public bool AllProved => Results.All(r => r.Status == ProofStatus.Proved);

    /// <summary>Runs every obligation of the model on the platform.</summary>
    public static ProofRun Execute(SpecModel model, Platform platform, ProofOptions options, Action<ProofResult>? finished = null, Func<Obligation, bool>? filter = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var obligations = ObligationSet.For(model, platform).Where(filter ?? (_ => true)).ToList();
        var results = Prover.Run(obligations, options, finished);
        return new ProofRun(platform.Name, SmtContext.Version.ToString(), results, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The run as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
