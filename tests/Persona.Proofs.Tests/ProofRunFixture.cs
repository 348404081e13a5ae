using Persona.Proofs;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Platforms;

namespace Persona.Proofs.Tests;

/// <summary>Runs every obligation of the default spec once, emitting SMT-LIB2, for the tests that read the whole run.</summary>
public sealed class ProofRunFixture : IDisposable
{
    public ProofRunFixture()
    {
        EmitDirectory = Path.Combine(Path.GetTempPath(), $"persona-obligations-{Environment.ProcessId}");
        Run = ProofRun.Execute(SpecModel.Default, DefaultPlatform.Load(), new ProofOptions(Workers: 2, EmitDirectory: EmitDirectory));
    }

    public string EmitDirectory { get; }

    public ProofRun Run { get; }

    public void Dispose()
    {
        if (Directory.Exists(EmitDirectory)) Directory.Delete(EmitDirectory, recursive: true);
    }
}

[CollectionDefinition("proof run")]
public sealed class ProofRunCollection : ICollectionFixture<ProofRunFixture>;
