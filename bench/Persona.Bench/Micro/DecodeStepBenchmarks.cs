using BenchmarkDotNet.Attributes;
using Persona.Arm.Isa;

namespace Persona.Bench.Micro;

/// <summary>The interpreter's two inner costs: decoding one A64 word through the instruction table, and executing one instruction.</summary>
/// <remarks>Decode runs over a mix of ALU, load/store and branch words (from aarch64-linux-gnu-as), the step benchmarks over a 7-instruction
/// ALU loop at EL1 with stage 2 off (<c>add; eor; lsl; subs; csel; madd; b</c>): once through the decoded-instruction cache in slices
/// of 1,000 as the machine runs it, once single-stepped (<c>Run(1)</c>, as a debugger or a quantum of 1 would).
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*DecodeStep*'</c>.</remarks>
[SimpleJob(warmupCount: 3, iterationCount: 9)]
[MedianColumn]
public class DecodeStepBenchmarks
{
    private const int Instructions = 70_000;

    // add x1,x1,#1; eor x2,x2,x1; lsl x3,x1,#3; subs x4,x4,#1; csel x5,x1,x2,ne; madd x6,x1,x2,x3; b .-24
    private static readonly uint[] AluLoop = [0x91000421, 0xca010042, 0xd37df023, 0xf1000484, 0x9a821025, 0x9b020c26, 0x17fffffa];

    // The ALU loop, a register-offset load, add/and, and the load/store loop of InterpreterMipsBenchmarks: common guest words.
    private static readonly uint[] DecodeMix =
    [
        .. AluLoop, 0xf8626801, 0x8b030042, 0x8a040042, 0xf9400001, 0xf8010401, 0xf85f8002, 0xf81f8002, 0x54ffff21, 0xd4000002,
    ];

    private BareCore core = null!;

    /// <summary>Builds the core with the ALU loop.</summary>
    [GlobalSetup]
    public void Setup() => core = new BareCore(AluLoop, stage2: false);

    /// <summary>One decode (table lookup) of a word; the figure is per word.</summary>
    [Benchmark(OperationsPerInvoke = 1024 * 16)]
    public int Decode()
    {
        var sum = 0;
        for (var round = 0; round < 1024; round++)
        {
            foreach (var word in DecodeMix)
                sum += (int)Decoder.Decode(word);
        }
        return sum;
    }

    /// <summary>One instruction executed in slices of 1,000 (decoded-instruction cache warm); the figure is per instruction.</summary>
    [Benchmark(OperationsPerInvoke = Instructions)]
    public void StepInSlices() => core.Run(Instructions);

    /// <summary>One instruction executed by its own <c>Run(1)</c> call; the figure is per instruction.</summary>
    [Benchmark(OperationsPerInvoke = Instructions)]
    public void SingleStep() => core.Run(Instructions, quantum: 1);
}
