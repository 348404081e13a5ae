using Persona.Hypervisor.Memory;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Tests;

/// <summary>The descriptor runs the boot check walks one page of are what it assumes: within a run every page walks like the first,
/// the same fault or an output a constant step further on, by the emulator's own walker.</summary>
public sealed class Stage2RunTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryPageOfARun_WalksLikeTheFirstPageShiftedByItsStep(bool breakARunMidTable)
    {
        var (machine, hypervisor, _) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(Validate: false));
        var tables = hypervisor.TablesOf(Component.Personal);
        if (breakARunMidTable)
        {
            tables.Map(HypervisorLayout.GuestRamIpa + (0x1234UL * HypervisorLayout.PageSize), 0x5A456000,
                Stage2Descriptor.NormalMemory | Stage2Descriptor.Read | Stage2Descriptor.Write | Stage2Descriptor.InnerShareable);
            tables.Unmap(HypervisorLayout.GuestRamIpa + (0x2345UL * HypervisorLayout.PageSize));
        }
        var runs = tables.DescriptorRuns();
        // The runs tile the whole IPA space, in order.
        Assert.Equal(0UL, runs[0].FirstIpaPage);
        for (var i = 1; i < runs.Count; i++)
            Assert.Equal(runs[i - 1].LastIpaPage + 1, runs[i].FirstIpaPage);
        Assert.Equal((1UL << (HypervisorLayout.IpaBits - 12)) - 1, runs[^1].LastIpaPage);
        var checkedPages = 0;
        foreach (var run in runs)
        {
            var first = tables.Translate(machine.Bus, run.FirstIpaPage * HypervisorLayout.PageSize);
            // Level-3 runs are checked page by page; a block or invalid run above level 3 at its ends and middle.
            IEnumerable<ulong> offsets = run.Pages <= 512 ? Enumerable.Range(0, (int)run.Pages).Select(k => (ulong)k) : [0, run.Pages / 2, run.Pages - 1];
            foreach (var k in offsets)
            {
                var walk = tables.Translate(machine.Bus, (run.FirstIpaPage + k) * HypervisorLayout.PageSize);
                Assert.Equal(first.Fault is null, walk.Fault is null);
                if (walk.Fault is null)
                    Assert.Equal(first.OutputAddress + (k * run.FrameStep * HypervisorLayout.PageSize), walk.OutputAddress);
                checkedPages++;
            }
        }
        Assert.True(checkedPages > 65_536, $"only {checkedPages} pages checked");
        if (breakARunMidTable)
            Assert.Contains(runs, r => r.FirstIpaPage == (HypervisorLayout.GuestRamIpa / HypervisorLayout.PageSize) + 0x1234 && r.Pages == 1);
    }
}
