using Persona.Protocols.Model;
using Persona.Protocols.Monitors;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Xunit.Abstractions;

namespace Persona.Protocols.Tests;

public sealed class SpecMonitorTests(ITestOutputHelper output)
{
    private const long WorkPage = 0x40007;

    [Fact]
    public void BootMachine_BreaksNoRule()
    {
        var machine = new HypervisorState();
        Assert.Empty(ProtocolWorld.Spec.BrokenRules(machine.Abstract()));
        Assert.Empty(RuleVerdicts.Broken(machine.Abstract()));
    }

    [Fact]
    public void PageReleasedWhileACoreStillCachesIt_BreaksMem2_ThroughTheSpecsOwnDefinition()
    {
        var machine = StoppedForWipe();
        machine.Cache(new TlbEntry(1, Component.Work, WorkPage));
        Assert.True(machine.TryCommit(WipeOperations.ScrubPage, ("p", WorkPage)));
        var broken = ProtocolWorld.Spec.BrokenRules(machine.Abstract()).Select(r => r.Id).ToList();
        Assert.Contains("MEM-2", broken);
        Assert.Equal(broken, RuleVerdicts.Broken(machine.Abstract()));
        // The committed tables alone are fine: only the stale translation makes the page mapped.
        Assert.DoesNotContain("MEM-2", ProtocolWorld.Spec.BrokenRules(machine.Committed).Select(r => r.Id));
        machine.Invalidate(1, Component.Work, null);
        Assert.DoesNotContain("MEM-2", RuleVerdicts.Broken(machine.Abstract()));
    }

    [Fact]
    public void WorkStillRunningOnACore_AfterTheWipeCompleted_BreaksWipe2()
    {
        var machine = StoppedForWipe();
        foreach (var p in machine.AccessiblePages(Component.Work).ToList())
        {
            var op = machine.PageState(Component.Work, p) == PageState.SharedBorrowed ? WipeOperations.ReturnBorrowed : WipeOperations.ScrubPage;
            Assert.True(machine.TryCommit(op, ("p", p)));
        }
        Assert.True(machine.TryCommit(WipeOperations.RevokeDevice, ("d", ProtocolWorld.Camera)) || !machine.Holds(Component.Work, ProtocolWorld.Camera));
        Assert.True(machine.TryCommit(WipeOperations.DestroyKey));
        Assert.True(machine.TryCommit(WipeOperations.Complete));
        Assert.Empty(RuleVerdicts.Broken(machine.Abstract()));
        machine.SetRunning(1, Component.Work);
        Assert.Equal(["WIPE-2"], RuleVerdicts.Broken(machine.Abstract()));
    }

    [Fact]
    public void DeviceReleasedWithDmaInFlight_BreaksTheDmaRules()
    {
        var machine = new HypervisorState();
        Assert.True(machine.TryCommit(DeviceOperations.DmaMap, ("d", ProtocolWorld.Camera), ("p", WorkPage)));
        machine.StartDma(ProtocolWorld.Camera, WorkPage);
        Assert.True(machine.TryCommit(DeviceOperations.Quiesce, ("d", ProtocolWorld.Camera)));
        Assert.True(machine.TryCommit(DeviceOperations.Release, ("d", ProtocolWorld.Camera)));
        Assert.Contains("DMA-1", RuleVerdicts.Broken(machine.Abstract()));
        machine.EndDma(ProtocolWorld.Camera);
        Assert.Empty(RuleVerdicts.Broken(machine.Abstract()));
    }

    [Fact]
    public void RuleVerdicts_AgreeWithTheSpecsDirectEvaluation_OnRandomMachines()
    {
        const int seed = 424242;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var ops = ProtocolWorld.Spec.Model.Operations;
        int brokenSeen = 0;
        for (int walk = 0; walk < 12; walk++)
        {
            var machine = new HypervisorState();
            for (int step = 0; step < 12; step++)
            {
                Perturb(machine, random, ops);
                var direct = ProtocolWorld.Spec.BrokenRules(machine.Abstract()).Select(r => r.Id).ToList();
                Assert.Equal(direct, RuleVerdicts.Broken(machine.Abstract()));
                if (direct.Count > 0) brokenSeen++;
            }
        }
        // The walks reach both verdicts, so agreement is not agreement on "all hold" alone.
        output.WriteLine($"{brokenSeen} states with broken rules");
        Assert.True(brokenSeen > 0);
    }

    [Fact]
    public void FieldsRead_ComeFromTheRulesDefinition()
    {
        var mem1 = ProtocolWorld.Spec.Model.Rule("MEM-1");
        Assert.Equal([Fields.PageStates.Name], RuleVerdicts.FieldsRead(mem1));
        Assert.Contains(Fields.Mapped.Name, RuleVerdicts.FieldsRead(ProtocolWorld.Spec.Model.Rule("MEM-2")));
    }

    private static HypervisorState StoppedForWipe()
    {
        var machine = new HypervisorState();
        Assert.True(machine.TryCommit(WipeOperations.Order, ("issuer", Authority.WorkManagement)));
        Assert.True(machine.TryCommit(WipeOperations.StopWork));
        Assert.True(machine.TryCommit(DeviceOperations.Quiesce, ("d", ProtocolWorld.Camera)));
        return machine;
    }

    private static void Perturb(HypervisorState machine, Random random, IReadOnlyList<Operation> ops)
    {
        var pages = ProtocolWorld.Pages;
        switch (random.Next(5))
        {
            case 0:
                machine.Cache(new TlbEntry(random.Next(2), (Component)random.Next(3), pages[random.Next(pages.Count)]));
                break;
            case 1:
                machine.HardwareWrite(pages[random.Next(pages.Count)], (Label)random.Next(6));
                break;
            case 2:
                machine.SetRunning(random.Next(2), random.Next(3) == 0 ? null : (Component)random.Next(2));
                break;
            default:
                var op = ops[random.Next(ops.Count)];
                var args = op.Parameters.Select(p => (p.Name, Argument(p.Name, random))).ToArray();
                machine.TryCommit(op, args);
                break;
        }
    }

    private static object Argument(string name, Random random) => name switch
    {
        "p" => ProtocolWorld.Pages[random.Next(ProtocolWorld.Pages.Count)],
        "d" => ProtocolWorld.Devices[random.Next(ProtocolWorld.Devices.Count)],
        "issuer" => (Authority)random.Next(4),
        _ => (Component)random.Next(3),
    };
}
