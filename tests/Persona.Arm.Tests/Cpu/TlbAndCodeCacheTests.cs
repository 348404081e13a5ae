using Persona.Arm.Cpu;
using Persona.Arm.Memory;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>TLB entries survive table changes until the matching TLBI (per VMID, local or broadcast), and the decoded-code cache follows writes.</summary>
public sealed class TlbAndCodeCacheTests
{
    private const ulong GuestPage = 0x8000_0000;
    private const ulong OldBacking = 0x4040_0000;
    private const ulong NewBacking = 0x4060_0000;

    private static GuestHarness GuestReadingRemappedPage(string code, out ulong root)
    {
        var harness = new GuestHarness(cores: 2);
        root = harness.CreateStage2();
        harness.MapRamIdentityStage2(root);
        harness.MapStage2Block(root, GuestPage, OldBacking);
        harness.Bus.Write64(OldBacking, 0x1111);
        harness.Bus.Write64(NewBacking, 0x2222);
        harness.LoadCode(code);
        harness.Start(1, HcrBits.RW | HcrBits.VM);
        harness.Core.SetX(3, GuestPage);
        return harness;
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Stage2Remap_WithoutTlbi_KeepsStaleTranslation_UntilVmalle1()
    {
        var harness = GuestReadingRemappedPage("ldr x1, [x3]\nwfi\nldr x2, [x3]\ntlbi vmalle1\ndsb sy\nldr x4, [x3]\nwfi", out var root);
        harness.RunToWfi();
        harness.MapStage2Block(root, GuestPage, NewBacking);
        harness.Core.Wake();
        harness.RunToWfi();
        Assert.Equal((0x1111UL, 0x1111UL, 0x2222UL), (harness.Core.GetX(1), harness.Core.GetX(2), harness.Core.GetX(4)));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Entries_AreTaggedByVmid()
    {
        var harness = GuestReadingRemappedPage("ldr x1, [x3]\nwfi\nldr x2, [x3]\nwfi\nldr x4, [x3]\nwfi", out var root);
        var secondRoot = harness.AllocateTable();
        harness.MapRamIdentityStage2(secondRoot);
        harness.MapStage2Block(secondRoot, GuestPage, NewBacking);
        harness.RunToWfi();
        harness.Core.WriteSystemRegister(SystemRegister.VttbrEl2, (2UL << 48) | secondRoot);
        harness.Core.Wake();
        harness.RunToWfi();
        harness.Core.WriteSystemRegister(SystemRegister.VttbrEl2, (1UL << 48) | root);
        harness.MapStage2Block(root, GuestPage, NewBacking);
        harness.Core.Wake();
        harness.RunToWfi();
        // VMID 2 sees its own mapping at once; back on VMID 1 the old entry is still used (no TLBI was done).
        Assert.Equal((0x1111UL, 0x2222UL, 0x1111UL), (harness.Core.GetX(1), harness.Core.GetX(2), harness.Core.GetX(4)));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void TlbiIs_AtEl2_InvalidatesOtherCores_LocalTlbiDoesNot()
    {
        foreach (var (instruction, expectFresh) in new[] { ("tlbi vmalls12e1is", true), ("tlbi vmalls12e1", false) })
        {
            var harness = GuestReadingRemappedPage("ldr x1, [x3]\nwfi\nldr x2, [x3]\nwfi", out var root);
            var interconnect = new ListInterconnect(harness.Cores);
            var reader = harness.Cores[1];
            harness.Start(1, HcrBits.RW | HcrBits.VM, reader);
            reader.SetX(3, GuestPage);
            harness.RunToWfi(reader);

            var hypervisor = harness.Cores[0];
            harness.LoadCode($"str x5, [x6]\n{instruction}\ndsb ish\nwfi", GuestHarness.CodeAddress + 0x1000);
            harness.Start(2, HcrBits.RW, hypervisor);
            hypervisor.Pc = GuestHarness.CodeAddress + 0x1000;
            var level2 = harness.Level2Table(root, GuestPage);
            hypervisor.SetX(6, level2 + (((GuestPage >> 21) & 511) * 8));
            hypervisor.SetX(5, GuestHarness.Stage2Leaf(NewBacking, 3));
            harness.RunToWfi(hypervisor);

            reader.Wake();
            harness.RunToWfi(reader);
            Assert.Equal(expectFresh ? 0x2222UL : 0x1111UL, reader.GetX(2));
            Assert.Equal(expectFresh ? 1 : 0, interconnect.Broadcasts);
        }
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void StoreIntoAlreadyExecutedCode_ExecutesTheNewInstruction()
    {
        var harness = new GuestHarness();
        harness.LoadCode("""
            mov x4, #0
            loop:
            mov x0, #1
            cbnz x4, done
            mov x4, #1
            ldr w1, [x2]
            str w1, [x3]
            b loop
            done:
            wfi
            """);
        harness.Start(2);
        harness.Bus.Write64(GuestHarness.DataAddress, 0xD2800040); // mov x0, #2
        harness.Core.SetX(2, GuestHarness.DataAddress);
        harness.Core.SetX(3, GuestHarness.CodeAddress + 4);
        harness.RunToWfi();
        Assert.Equal(2UL, harness.Core.GetX(0));
    }

    private sealed class ListInterconnect : ICoreInterconnect
    {
        private readonly Core[] cores;

        public ListInterconnect(Core[] cores)
        {
            this.cores = cores;
            foreach (var core in cores)
                core.Interconnect = this;
        }

        public int Broadcasts { get; private set; }

        public void BroadcastTlbInvalidation(Core origin, in TlbInvalidation invalidation)
        {
            Broadcasts++;
            foreach (var core in cores.Where(c => c != origin))
                core.ApplyTlbInvalidation(invalidation);
        }

        public void SendEvent(Core origin)
        {
            foreach (var core in cores.Where(c => c != origin))
                core.SignalEvent();
        }
    }
}
