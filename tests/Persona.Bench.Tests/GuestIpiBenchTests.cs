using System.Globalization;
using Persona.Bench.Guest;
using Persona.Hypervisor.Costs;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Bench.Tests;

/// <summary>The guest micro-benchmark's IPI round trip on two cores: it really goes through the hypervisor's guest SGIs, its ticks
/// come from the run, and starting the second vCPU last leaves the other rows as a one-core run measures them.</summary>
public sealed class GuestIpiBenchTests(ITestOutputHelper output)
{
    private const int Iterations = 1000;

    [Fact]
    public void IpiRoundTrip_OnTwoCores_IsMeasured_ThroughTheHypervisorsGuestSgis()
    {
        var (table, hypervisor) = MicrobenchGuest.RunSuiteOn(CostModel.Default, cores: 2);
        var (freeTable, _) = MicrobenchGuest.RunSuiteOn(CostModel.Free, cores: 2);
        output.WriteLine(table);
        output.WriteLine(freeTable);
        var charged = Rows(table);
        var free = Rows(freeTable);
        Assert.True(charged.ContainsKey("ipi-round-trip"), "the two-core suite printed no IPI row");

        // Every round trip (and the warm-up) is a ping to vCPU 1 and a pong to vCPU 0, each a trapped ICC_SGI1R_EL1 write the hypervisor
        // turned into a virtual SGI of the personal persona.
        var expected = Enumerable.Range(0, Iterations + 1).SelectMany(_ => new[] { (Component.Personal, 1, 1), (Component.Personal, 0, 2) });
        Assert.Equal(expected, hypervisor.GuestSgis);

        // Two traps per round trip: the cost model charges each at least an exception entry and return, and the guest's counter shows it.
        var entry = CostModel.Default.TicksOf(HypervisorAction.ExceptionEntryAndReturn);
        var (ticks, perIteration) = charged["ipi-round-trip"];
        output.WriteLine($"ipi-round-trip: {ticks} ticks for {Iterations} (free model: {free["ipi-round-trip"].Ticks})");
        Assert.True(perIteration - free["ipi-round-trip"].PerIteration >= 2 * entry,
            $"an IPI round trip cost {perIteration} ticks with the cost model and {free["ipi-round-trip"].PerIteration} without: less than two traps' {2 * entry}");
        Assert.True(perIteration > charged["hypercall"].PerIteration, "an IPI round trip (two traps, two cores) cost less than one hypercall");
    }

    [Fact]
    public void OtherRows_OnTwoCores_EqualTheOneCoreRun_AndTheOneCoreRunHasNoIpiRow()
    {
        var one = Rows(MicrobenchGuest.RunSuite(CostModel.Default, cores: 1));
        var two = Rows(MicrobenchGuest.RunSuite(CostModel.Default, cores: 2));
        Assert.DoesNotContain("ipi-round-trip", one.Keys);
        Assert.Equal(one, two.Where(r => r.Key != "ipi-round-trip").ToDictionary(r => r.Key, r => r.Value));
    }

    [Fact]
    public void GuestMicrobenchCommand_PrintsTheIpiRowOfARun()
    {
        var file = Path.GetTempFileName();
        try
        {
            var previous = Console.Out;
            Console.SetOut(TextWriter.Null);
            try
            {
                GuestMicrobenchCommand.Run([file]);
            }
            finally
            {
                Console.SetOut(previous);
            }
            var markdown = File.ReadAllText(file);
            var fromRun = Rows(MicrobenchGuest.RunSuite(CostModel.Default, GuestMicrobenchCommand.SuiteCores))["ipi-round-trip"];
            output.WriteLine(markdown);
            Assert.Equal(fromRun, Rows(markdown)["ipi-round-trip"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The table's rows (the first table in the text): name → (total ticks, ticks per iteration).</summary>
    private static Dictionary<string, (long Ticks, decimal PerIteration)> Rows(string table)
    {
        var rows = new Dictionary<string, (long, decimal)>();
        foreach (var fields in table.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (fields.Length == 4 && fields[1] == "1000" && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                rows.TryAdd(fields[0], (ticks, decimal.Parse(fields[3], CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
