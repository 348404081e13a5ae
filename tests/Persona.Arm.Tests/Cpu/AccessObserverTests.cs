using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>The guest memory access hook: every translated data access reaches <see cref="Core.AccessObserver"/>, with VA, IPA and PA.</summary>
public sealed class AccessObserverTests
{
    private const ulong GuestPage = 0x8000_0000;
    private const ulong Backing = 0x4040_0000;

    private sealed class AccessLog : IMemoryAccessObserver
    {
        public List<MemoryAccess> Accesses { get; } = [];

        public void OnAccess(in MemoryAccess access) => Accesses.Add(access);
    }

    // A guest at EL1, stage 2 on, whose IPA page 0x8000_0000 is backed by PA 0x4040_0000 (so VA = IPA != PA).
    private static GuestHarness GuestWithRemappedPage(string code)
    {
        var harness = new GuestHarness();
        var root = harness.CreateStage2();
        harness.MapRamIdentityStage2(root);
        harness.MapStage2Block(root, GuestPage, Backing);
        harness.LoadCode(code);
        harness.Start(1, HcrBits.RW | HcrBits.VM);
        harness.Core.SetX(3, GuestPage + 0x10);
        return harness;
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void EveryAccess_InALoop_IsReported_WithVaIpaPaSizeAndDirection()
    {
        var harness = GuestWithRemappedPage("mov x9, #3\n1: ldr x1, [x3]\nstr w1, [x3, #8]\nsubs x9, x9, #1\nb.ne 1b\nwfi");
        var log = new AccessLog();
        harness.Core.AccessObserver = log;
        harness.RunToWfi();
        var read = new MemoryAccess(0, 1, GuestPage + 0x10, GuestPage + 0x10, Backing + 0x10, 8, false);
        var write = new MemoryAccess(0, 1, GuestPage + 0x18, GuestPage + 0x18, Backing + 0x18, 4, true);
        Assert.Equal([read, write, read, write, read, write], log.Accesses);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void ObserverSetAfterAccesses_StillSeesAccessesThroughWarmTranslations()
    {
        var harness = GuestWithRemappedPage("ldr x1, [x3]\nwfi\nldr x2, [x3]\nstrb w2, [x3]\nwfi");
        harness.RunToWfi();
        var log = new AccessLog();
        harness.Core.AccessObserver = log;
        harness.Core.Wake();
        harness.RunToWfi();
        Assert.Equal([(GuestPage + 0x10, 8, false), (GuestPage + 0x10, 1, true)], log.Accesses.Select(a => (a.VirtualAddress, a.Size, a.IsWrite)));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void WithoutStage2_IntermediateAddressIsNull_AndAccessToNothingIsReportedBeforeItsAbort()
    {
        var harness = new GuestHarness();
        harness.LoadCode("ldr x1, [x3]\nldr x2, [x4]");
        harness.Start(1, HcrBits.RW);
        harness.Core.SetX(3, GuestHarness.DataAddress);
        harness.Core.SetX(4, 0x1_0000_0000);
        var log = new AccessLog();
        harness.Core.AccessObserver = log;
        harness.RunToWfi();
        // The second address translates (the MMU is off) but nothing answers there: reported, then an external abort.
        Assert.Equal(
            [new MemoryAccess(0, 1, GuestHarness.DataAddress, null, GuestHarness.DataAddress, 8, false),
             new MemoryAccess(0, 1, 0x1_0000_0000, null, 0x1_0000_0000, 8, false)],
            log.Accesses);
        Assert.Equal(0x96000010UL, harness.Last.Syndrome);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void AccessFaultingInTranslation_IsNotReported()
    {
        var harness = GuestWithRemappedPage("ldr x1, [x3]\nstr x1, [x4]");
        harness.Core.SetX(4, 0x0900_0000);
        var log = new AccessLog();
        harness.Core.AccessObserver = log;
        harness.RunToWfi();
        Assert.Equal([GuestPage + 0x10], log.Accesses.Select(a => a.VirtualAddress));
        Assert.Equal(2, harness.Last.ToLevel);
        Assert.Equal(0x0900_0000UL, harness.Last.FaultAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void ClearingTheObserver_StopsReports()
    {
        var harness = GuestWithRemappedPage("ldr x1, [x3]\nwfi\nldr x2, [x3]\nwfi");
        var log = new AccessLog();
        harness.Core.AccessObserver = log;
        harness.RunToWfi();
        harness.Core.AccessObserver = null;
        harness.Core.Wake();
        harness.RunToWfi();
        Assert.Single(log.Accesses);
        Assert.Equal(harness.Core.GetX(1), harness.Core.GetX(2));
    }
}
