using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Spec.Tests;

/// <summary>A concrete state looks immutable, so parallel workers (systematic tests, validators) may share one: reading it must give the same values from every thread.</summary>
public class ConcreteStateSharingTests
{
    [Fact]
    public void BootState_ReadFromFourThreadsAtOnce_GivesTheSameValuesAsOneThread()
    {
        var spec = new ConcreteSpec(SpecModel.Default, TestWorlds.Small());
        var shared = spec.InitialState();
        var expected = Snapshot(spec.InitialState());
        var mismatches = 0;
        var errors = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var round = 0; round < 500; round++)
            {
                try
                {
                    if (!Snapshot(shared).SequenceEqual(expected)) Interlocked.Increment(ref mismatches);
                }
                catch (Exception e) when (e is InvalidOperationException or InvalidCastException or NullReferenceException or IndexOutOfRangeException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        Assert.True(mismatches == 0 && errors == 0, $"{mismatches} reads gave wrong values and {errors} threw, out of 2000");
    }

    [Fact]
    public void MaterializedBootState_ReadsTheSameAsTheBootState_AndKeepsEveryRule()
    {
        // The random walks start from the materialized boot state for speed; it must be the same state.
        var spec = new ConcreteSpec(SpecModel.Default, TestWorlds.Small());
        var boot = spec.InitialState();
        var materialized = boot.Materialize(spec.World);
        Assert.Equal(Snapshot(boot), Snapshot(materialized));
        foreach (var c in Enum.GetValues<Component>())
        {
            Assert.Equal(boot.SavedContextOf(c), materialized.SavedContextOf(c));
            Assert.Equal(boot.PartitionOf(c), materialized.PartitionOf(c));
        }
        foreach (var d in TinyWorld.Devices)
        {
            Assert.Equal(boot.DataOf(d), materialized.DataOf(d));
            Assert.Equal(boot.IsQuiesced(d), materialized.IsQuiesced(d));
            Assert.All(TinyWorld.Pages, p => Assert.Equal(boot.Reaches(d, p), materialized.Reaches(d, p)));
        }
        Assert.Empty(spec.BrokenRules(materialized));
    }

    private static List<int> Snapshot(ConcreteState s)
    {
        var values = new List<int>();
        foreach (var p in TinyWorld.Pages)
        {
            foreach (var c in Enum.GetValues<Component>())
            {
                values.Add((int)s.PageStateOf(c, p));
                values.Add(s.IsMapped(c, p) ? 1 : 0);
            }
            values.Add((int)s.ContentOf(p));
            values.Add((int)s.PoolOf(p));
        }
        foreach (var d in TinyWorld.Devices)
        {
            values.Add((int)s.OwnerOf(d));
            values.Add(s.IsAssigned(d) ? 1 : 0);
        }
        return values;
    }
}
