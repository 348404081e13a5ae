using Persona.Bench.Guest;
using Persona.Hypervisor;
using Persona.Hypervisor.Costs;
using Persona.Spec;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Bench.Tests;

/// <summary>The hypervisor's cost model: what it charges, that the guest sees the charge, and that it is deterministic.</summary>
public sealed class CostModelTests(ITestOutputHelper output)
{
    private const uint Hvc0 = 0xD4000002;
    private const uint BranchBack8 = 0x17FFFFFE;

    [Fact]
    public void WorldSwitch_CostsMoreThanAStatusHypercall()
    {
        var status = ChargeOfOneTrap(Hypercall.Status);
        var worldSwitch = ChargeOfOneTrap(Hypercall.Switch);
        output.WriteLine($"status: {status.Ticks} ticks ({status.Actions}); switch: {worldSwitch.Ticks} ticks ({worldSwitch.Actions})");
        Assert.True(worldSwitch.Ticks > status.Ticks, $"a switch charged {worldSwitch.Ticks} ticks, a status hypercall {status.Ticks}");
        Assert.Equal(CostModel.Default.TicksOf(HypervisorAction.ExceptionEntryAndReturn), status.Ticks);
        Assert.True(worldSwitch.Actions[HypervisorAction.GeneralRegisterTransfer] >= 62, worldSwitch.Actions.ToString());
    }

    [Fact]
    public void Charge_IsDeterministic()
    {
        var first = RunSuite(CostModel.Default);
        var second = RunSuite(CostModel.Default);
        Assert.Equal(first.Table, second.Table);
        Assert.Equal(first.Charged, second.Charged);
        Assert.True(first.Charged > 0);
    }

    [Fact]
    public void GuestCounter_SeesExactlyTheChargeOfEachTrap()
    {
        var charged = PerIteration(RunSuite(CostModel.Default).Table);
        var free = PerIteration(RunSuite(CostModel.Free).Table);
        output.WriteLine(string.Join(", ", charged.Select(kv => $"{kv.Key}: {kv.Value} vs {free[kv.Key]}")));
        Assert.Equal(free["empty-loop"], charged["empty-loop"]);
        Assert.Equal(CostModel.Default.TicksOf(HypervisorAction.ExceptionEntryAndReturn), charged["hypercall"] - free["hypercall"]);
        Assert.Equal(CostModel.Default.TicksOf(HypervisorAction.ExceptionEntryAndReturn) + CostModel.Default.TicksOf(HypervisorAction.MmioEmulation),
            charged["mmio-read"] - free["mmio-read"]);
        Assert.True(charged["world-switch-round-trip"] > 2 * charged["hypercall"]);
        // One physical timer IRQ taken at EL2 per completion; acknowledge and EOI go to the virtual CPU interface without a trap.
        Assert.Equal(CostModel.Default.TicksOf(HypervisorAction.ExceptionEntryAndReturn), charged["virq-completion"] - free["virq-completion"]);
    }

    [Fact]
    public void FreeModel_ChargesNothing()
    {
        var (_, charged) = RunSuite(CostModel.Free);
        Assert.Equal(0UL, charged);
    }

    [Fact]
    public void EverySpecOperation_HasACostRow()
    {
        var missing = SpecModel.Default.Operations.Select(o => o.Name).Where(n => !TrapActions.PerOperation.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, $"no cost row for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void UnknownOperation_IsRefusedWithItsName()
    {
        var trap = new TrapRecord(1, 0, Component.Personal, "HVC", 0x16UL << 26, 0, [SpecStep.Of("teleport", true)], false);
        var e = Assert.Throws<InvalidOperationException>(() => TrapActions.Of(trap, Persona.Spec.Platforms.DefaultPlatform.Load()));
        Assert.Contains("teleport", e.Message, StringComparison.Ordinal);
    }

    private static (ulong Ticks, ActionTally Actions) ChargeOfOneTrap(Hypercall function)
    {
        var (machine, hypervisor, _) = Persona.Hypervisor.Running.PersonaRun.Build(Persona.Spec.Platforms.DefaultPlatform.Load(), new(Validate: false));
        var movz = 0xD2800000u | ((uint)function << 5);
        foreach (var persona in HypervisorLayout.Personas)
        {
            var entry = (int)(hypervisor.RamOf(persona).Range.Base - machine.Bus.Ram.Base);
            BitConverter.TryWriteBytes(machine.Bus.Ram.Bytes.AsSpan(entry), movz);
            BitConverter.TryWriteBytes(machine.Bus.Ram.Bytes.AsSpan(entry + 4), Hvc0);
            BitConverter.TryWriteBytes(machine.Bus.Ram.Bytes.AsSpan(entry + 8), BranchBack8);
        }
        machine.Run(2);
        Assert.Equal(1, hypervisor.TrapCount);
        return (hypervisor.ChargedTicks, hypervisor.LastTrapActions!);
    }

    private static (string Table, ulong Charged) RunSuite(CostModel costs)
    {
        var (machine, hypervisor) = MicrobenchGuest.UnderHypervisor(MicrobenchGuest.SuiteMode, costs, quantum: 1);
        machine.Run(50_000_000);
        return (hypervisor.UartOutput(Component.Personal), hypervisor.ChargedTicks);
    }

    private static Dictionary<string, decimal> PerIteration(string table) =>
        table.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 4 && decimal.TryParse(f[3], System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(f => f[0], f => decimal.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
}
