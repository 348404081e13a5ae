using Persona.Arm.Contracts;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

public class PsciTests
{
    private sealed class Registers : IGeneralRegisters
    {
        private readonly ulong[] x = new ulong[31];

        public ulong GetX(int n) => x[n];

        public void SetX(int n, ulong value) => x[n] = value;
    }

    private sealed class FakePower : IPowerController
    {
        public bool[] On { get; } = [true, false, false, false];
        public List<string> Calls { get; } = [];

        public int CoreCount => On.Length;

        public bool IsPoweredOn(int coreId) => On[coreId];

        public void PowerOnCore(int callerCoreId, int targetCoreId, ulong entry, ulong contextId)
        {
            On[targetCoreId] = true;
            Calls.Add($"on {targetCoreId} 0x{entry:X} {contextId}");
        }

        public void PowerOffCore(int coreId) => Calls.Add($"off {coreId}");

        public void PowerOffSystem(int coreId) => Calls.Add($"system off from {coreId}");
    }

    private readonly FakePower power = new();
    private readonly Psci psci;

    public PsciTests() => psci = new Psci(power);

    private ulong Call(ulong function, ulong a1 = 0, ulong a2 = 0, ulong a3 = 0, bool isSmc = true)
    {
        var r = new Registers();
        r.SetX(0, function);
        r.SetX(1, a1);
        r.SetX(2, a2);
        r.SetX(3, a3);
        Assert.True(psci.TryHandle(0, r, isSmc));
        return r.GetX(0);
    }

    [Fact]
    public void Version_AndFeatures_AnswerAsQemu72()
    {
        Assert.Equal(0x10001UL, Call(0x8400_0000));
        Assert.Equal(0UL, Call(0x8400_000A, 0xC400_0003));
        Assert.Equal(0UL, Call(0x8400_000A, 0x8400_0008));
        Assert.Equal(ulong.MaxValue, Call(0x8400_000A, 0x8400_0005));
    }

    [Fact]
    public void CpuOn_StartsTargetOnceThenSaysAlreadyOn()
    {
        Assert.Equal(1UL, Call(0xC400_0004, 2));
        Assert.Equal(0UL, Call(0xC400_0003, 2, 0x4008_1000, 7));
        Assert.Equal(["on 2 0x40081000 7"], power.Calls);
        Assert.Equal(unchecked((ulong)-4L), Call(0xC400_0003, 2, 0x4008_1000, 7));
        Assert.Equal(0UL, Call(0xC400_0004, 2));
    }

    [Fact]
    public void CpuOn_UnknownMpidr_IsInvalidParameters()
    {
        Assert.Equal(unchecked((ulong)-2L), Call(0xC400_0003, 0x100, 0x4008_0000));
        Assert.Equal(unchecked((ulong)-2L), Call(0xC400_0003, 9, 0x4008_0000));
        Assert.Empty(power.Calls);
    }

    [Fact]
    public void SystemOff_AsksTheMachineToStop()
    {
        var r = new Registers();
        r.SetX(0, 0x8400_0008);
        Assert.True(psci.TryHandle(3, r, isSmc: true));
        Assert.Equal(["system off from 3"], power.Calls);
    }

    [Fact]
    public void HvcOrNonPsciFunction_IsNotClaimed()
    {
        var r = new Registers();
        r.SetX(0, 0x8400_0000);
        Assert.False(psci.TryHandle(0, r, isSmc: false));
        r.SetX(0, 0x1234);
        Assert.False(psci.TryHandle(0, r, isSmc: true));
        r.SetX(0, 0x1_8400_0000);
        Assert.False(psci.TryHandle(0, r, isSmc: true));
    }
}
