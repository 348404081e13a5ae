using Persona.Hypervisor.Running;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The hypervisor writes guest RAM through <c>RamRegion.SpanForWrite</c>, so code the guest already ran and the hypervisor
/// then overwrote runs as written (no stale decoded instructions).</summary>
public sealed class HypervisorRamWriteTests(ITestOutputHelper output)
{
    [Fact]
    public void AStorageReadOverCodeTheGuestAlreadyRan_RunsTheNewInstructions()
    {
        // guests/persona/load_code.c: a function returning 1 runs, a sector of "mov x0, #2; ret" is read over it, it runs again.
        var result = PersonaRun.Run(new RunOptions(WorkMode: WorkMode.LoadCode));
        output.WriteLine(result.WorkUart);
        output.WriteLine(result.Violation?.ToString() ?? "no violation");
        Assert.Null(result.Violation);
        Assert.Contains("work: code from storage ran 0x0000000000000012", result.WorkUart, StringComparison.Ordinal);
    }
}
