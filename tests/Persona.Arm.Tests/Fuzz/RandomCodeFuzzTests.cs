using System.Globalization;
using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Xunit.Abstractions;

namespace Persona.Arm.Tests.Fuzz;

/// <summary>Random words executed as code at EL0 and EL1 (with and without stage 2): only architectural exceptions may result, never a host exception.</summary>
public sealed class RandomCodeFuzzTests(ITestOutputHelper output)
{
    private const ulong CodeBase = TestBus.RamBase;
    private const int CodeBytes = 256 << 10;
    private const long InstructionsPerConfiguration = 2_000_000;
    private const int DefaultSeed = 4242;

    public static TheoryData<int, bool> Configurations => new() { { 0, false }, { 1, false }, { 1, true } };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void RandomWords_RunForMillionsOfInstructions_RaiseOnlyArchitecturalExceptions(int exceptionLevel, bool stage2)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PERSONA_ARM_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        output.WriteLine($"seed {seed} (set PERSONA_ARM_FUZZ_SEED to replay), EL{exceptionLevel}, stage 2 {(stage2 ? "on" : "off")}");
        var random = new Random(seed + (exceptionLevel * 2) + (stage2 ? 1 : 0));
        var bus = new TestBus();
        random.NextBytes(bus.Ram.Bytes.AsSpan(0, CodeBytes));
        var core = new Core(0, bus, new TestPlatform { ClaimFirmwareCalls = true }, []);
        var redirect = new Redirector(core, random, exceptionLevel);
        core.Reset(redirect.RandomCodeAddress(), exceptionLevel);
        if (stage2)
            EnableIdentityStage2(bus, core);
        core.ExceptionObserver = redirect;

        long executed = 0;
        while (executed < InstructionsPerConfiguration)
        {
            var result = core.Run(10_000);
            executed += result.Executed;
            // Random code often settles into a tight loop; restart it elsewhere every slice to keep covering new words.
            redirect.Restart();
            if (result.Reason == StopReason.WaitingForInterrupt)
                core.Wake();
            Assert.True(result.Reason is StopReason.BudgetExhausted or StopReason.WaitingForInterrupt or StopReason.WaitingForEvent,
                $"unexpected stop {result.Reason} (seed {seed})");
        }

        output.WriteLine($"{executed} instructions, {redirect.Total} exceptions: "
            + string.Join(", ", redirect.ByClass.OrderBy(p => p.Key).Select(p => $"EC 0x{p.Key:x2}×{p.Value}")));
        Assert.True(redirect.Total > 1000, "random code should raise many exceptions");
        var architectural = Enum.GetValues<ExceptionClass>().Select(c => (int)c).ToHashSet();
        Assert.All(redirect.ByClass.Keys, ec => Assert.Contains(ec, architectural));
        Assert.Contains((int)ExceptionClass.Unknown, redirect.ByClass.Keys);
    }

    // Stage 2: RAM identity-mapped in 2 MiB blocks from a level-1 root placed above the random code.
    private static void EnableIdentityStage2(TestBus bus, Core core)
    {
        const ulong root = TestBus.RamBase + 0x70_0000;
        const ulong level2 = root + 0x1000;
        bus.Write64(root + 8, level2 | 3);
        for (ulong i = 0; i < 4; i++)
            bus.Write64(level2 + (i * 8), (TestBus.RamBase + (i << 21)) | 1 | (0xFUL << 2) | (3UL << 6) | (3UL << 8) | (1UL << 10));
        core.WriteSystemRegister(SystemRegister.VtcrEl2, 0x8002_3560);
        core.WriteSystemRegister(SystemRegister.VttbrEl2, (1UL << 48) | root);
        core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)(HcrBits.RW | HcrBits.VM));
    }

    // After every exception the fuzzer plays the exception handler: back to the fuzzed EL at a random code address.
    private sealed class Redirector(Core core, Random random, int exceptionLevel) : IExceptionObserver
    {
        public Dictionary<int, int> ByClass { get; } = [];

        public int Total { get; private set; }

        public ulong RandomCodeAddress() => CodeBase + ((ulong)random.Next(CodeBytes / 4) * 4);

        public void OnExceptionTaken(in ExceptionRecord record)
        {
            Total++;
            var exceptionClass = (int)(record.Syndrome >> 26);
            ByClass[exceptionClass] = ByClass.GetValueOrDefault(exceptionClass) + 1;
            Restart();
        }

        public void Restart()
        {
            core.Pstate = exceptionLevel == 0 ? 0UL : 0x3C5UL;
            core.Pc = RandomCodeAddress();
        }
    }
}
