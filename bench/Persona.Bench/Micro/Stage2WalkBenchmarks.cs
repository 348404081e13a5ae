using BenchmarkDotNet.Attributes;
using Persona.Arm.Memory;

namespace Persona.Bench.Micro;

/// <summary>Stage-2 translation cost: the emulator's table walker alone, and a guest load that hits or misses the core's TLB.</summary>
/// <remarks>The stage-2 tables are the hypervisor's own (Stage2Tables, 4 KiB pages, walk from level 1). The guest loop is
/// <c>ldr x1, [x0, x2]; add x2, x2, x3; and x2, x2, x4; b .-12</c> (from aarch64-linux-gnu-as): with stride 0 it loads one page over
/// and over (TLB hit); with stride 4 KiB it cycles over <see cref="BareCore.DataPages"/> pages, twice the TLB's 1,024 direct-mapped
/// entries, so every load evicts the entry the next visit of its slot would need and misses (walk and refill).
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*Stage2Walk*'</c>.</remarks>
[SimpleJob(warmupCount: 3, iterationCount: 9)]
[MedianColumn]
public class Stage2WalkBenchmarks
{
    private const int Loads = 20_000;
    private const int InstructionsPerLoad = 4;
    private static readonly uint[] StridedLoadLoop = [0xf8626801, 0x8b030042, 0x8a040042, 0x17fffffd];

    private BareCore hit = null!;
    private BareCore miss = null!;

    /// <summary>Builds the two cores and checks that the walker translates the data pages.</summary>
    [GlobalSetup]
    public void Setup()
    {
        hit = Build(stride: 0);
        miss = Build(stride: 4096);
        var walk = TranslationTableWalker.WalkStage2(hit.Bus, 0, hit.Tables.Regime, BareCore.DataBase);
        if (!walk.Succeeded || walk.OutputAddress != BareCore.DataBase)
            throw new InvalidOperationException($"the stage-2 walk of 0x{BareCore.DataBase:x} gave {walk}");
    }

    private static BareCore Build(ulong stride)
    {
        var core = new BareCore(StridedLoadLoop, stage2: true);
        core.Core.SetX(0, BareCore.DataBase);
        core.Core.SetX(3, stride);
        core.Core.SetX(4, ((ulong)BareCore.DataPages * 4096) - 1);
        return core;
    }

    /// <summary>One full stage-2 walk by TranslationTableWalker (three levels, no TLB); the figure is per walk.</summary>
    [Benchmark(OperationsPerInvoke = BareCore.DataPages)]
    public ulong WalkerOnly()
    {
        ulong sum = 0;
        for (ulong page = 0; page < BareCore.DataPages; page++)
            sum += TranslationTableWalker.WalkStage2(hit.Bus, 0, hit.Tables.Regime, BareCore.DataBase + (page << 12)).OutputAddress;
        return sum;
    }

    /// <summary>One guest load (and its 3 loop instructions) that hits the TLB; the figure is per load.</summary>
    [Benchmark(OperationsPerInvoke = Loads)]
    public void GuestLoadTlbHit() => hit.Run(Loads * InstructionsPerLoad);

    /// <summary>One guest load (and its 3 loop instructions) that misses the TLB and walks stage 2; the figure is per load.</summary>
    [Benchmark(OperationsPerInvoke = Loads)]
    public void GuestLoadTlbMiss() => miss.Run(Loads * InstructionsPerLoad);
}
