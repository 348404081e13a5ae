using Persona.Protocols.Testing;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Protocols.Tests;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        var test = new HypervisorProtocols();
        var r = TestEngine.Run("protocols", test, test.Configure(new TestConfiguration { Iterations = 5000, Seed = 1, ShrinkBudget = 0, Workers = 2 }));
        output.WriteLine(r.Summary());
        if (r.BugTrace is { } t) File.WriteAllText("/tmp/protocols-bug.log", TestEngine.Describe(test, t).Log);
    }
}
