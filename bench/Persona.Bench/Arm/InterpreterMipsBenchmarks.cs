using BenchmarkDotNet.Attributes;
using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Bench.Micro;

namespace Persona.Bench.Arm;

/// <summary>Interpreter speed on a load/store loop at EL1 with stage 2 on: each operation is one guest instruction, so MIPS = 1000 / (ns per op).</summary>
/// <remarks>The loop (encodings below, from aarch64-linux-gnu-as) walks an 8 KiB buffer: per iteration two loads, two stores,
/// an add, an eor, a subs and a taken branch. Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*InterpreterMips*'</c>.</remarks>
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[MedianColumn]
public class InterpreterMipsBenchmarks
{
    private const int InstructionsPerInvoke = 10_000_000;
    private const int Quantum = 1000;
    private const ulong RamBase = 0x4000_0000;
    private const ulong BufferAddress = 0x4040_0000;
    private const ulong TableAddress = 0x4070_0000;

    // outer: mov x0, x10; mov x3, #512
    // inner: ldr x1, [x0]; add x1, x1, #1; str x1, [x0], #16; ldur x2, [x0, #-8]; eor x2, x2, x1; stur x2, [x0, #-8]
    //        subs x3, x3, #1; b.ne inner; b outer
    private static readonly uint[] LoadStoreLoop =
        [0xaa0a03e0, 0xd2804003, 0xf9400001, 0x91000421, 0xf8010401, 0xf85f8002, 0xca010042, 0xf81f8002, 0xf1000463, 0x54ffff21, 0x17fffff6];

    private Core core = null!;

    /// <summary>Stage 1 on as well (identity 1 GiB block), for the cost of a two-stage regime.</summary>
    [Params(false, true)]
    public bool Stage1;

    [GlobalSetup]
    public void Setup()
    {
        var bus = new BareCore.RamBus(new RamRegion(RamBase, new byte[8 << 20]));
        for (var i = 0; i < LoadStoreLoop.Length; i++)
            BitConverter.TryWriteBytes(bus.Ram.Bytes.AsSpan(i * 4), LoadStoreLoop[i]);
        core = new Core(0, bus, new BareCore.CounterOnlyPlatform(), []);
        core.Reset(RamBase, 1);
        // Stage 2: 4 GiB IPA from level 1; RAM identity-mapped in 2 MiB blocks (Normal WB, RW, AF).
        var level2 = TableAddress + 0x1000;
        Write64(bus, TableAddress + 8, level2 | 3);
        for (ulong i = 0; i < 4; i++)
            Write64(bus, level2 + (i * 8), (RamBase + (i << 21)) | 1 | (0xFUL << 2) | (3UL << 6) | (3UL << 8) | (1UL << 10));
        core.WriteSystemRegister(SystemRegister.VtcrEl2, 0x8002_3560);
        core.WriteSystemRegister(SystemRegister.VttbrEl2, (1UL << 48) | TableAddress);
        core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)(HcrBits.RW | HcrBits.VM));
        if (Stage1)
        {
            var stage1Root = TableAddress + 0x2000;
            Write64(bus, stage1Root + 8, RamBase | 1 | (1UL << 10));
            core.WriteSystemRegister(SystemRegister.TcrEl1, 25);
            core.WriteSystemRegister(SystemRegister.Ttbr0El1, stage1Root);
            core.WriteSystemRegister(SystemRegister.SctlrEl1, 1);
        }
        core.SetX(10, BufferAddress);
    }

    // Runs in slices of 1,000 instructions, as the machine's round-robin scheduler does with its default quantum.
    [Benchmark(OperationsPerInvoke = InstructionsPerInvoke)]
    public int LoadStoreLoopAtEl1WithStage2()
    {
        var executed = 0;
        for (var slice = 0; slice < InstructionsPerInvoke / Quantum; slice++)
        {
            var result = core.Run(Quantum);
            if (result.Executed != Quantum)
                throw new InvalidOperationException($"the loop stopped early: {result}");
            executed += result.Executed;
        }
        return executed;
    }

    private static void Write64(BareCore.RamBus bus, ulong address, ulong value) =>
        BitConverter.TryWriteBytes(bus.Ram.Bytes.AsSpan((int)(address - RamBase)), value);
}
