using Persona.Arm.Platform;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Scenarios;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>hypio's day (timer ticks through list registers, storage, camera, calls) and hypsmp's second core together: the
/// default day scenario on two cores, every trap validated (every core's contexts, vGIC and timer state included).</summary>
public sealed class SmpDayTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoCores_DefaultDayScenario_MeetsEveryExpectation_EveryTrapValidated()
    {
        var scenario = Scenario.Default;
        var options = new RunOptions(WorkMode: scenario.WorkMode, MaxInstructions: scenario.MaxInstructions, Events: scenario.Events, Day: scenario.Day, Cores: 2);
        var (machine, hypervisor, validator, log) = TrapLog.Build(options);
        var stop = PersonaRun.RunWithEvents(machine, hypervisor, options);
        output.WriteLine(hypervisor.UartOutput(Component.Personal));
        output.WriteLine(hypervisor.UartOutput(Component.Work));
        foreach (var line in hypervisor.Log.TakeLast(40))
            output.WriteLine(line);
        output.WriteLine(validator!.FirstViolation?.ToString() ?? "no violation");
        Assert.Null(validator.FirstViolation);
        Assert.Equal(MachineStopReason.SystemOff, stop.Reason);
        Assert.Equal(log.Traps.Count, validator.Checked);
        Assert.Equal(0, hypervisor.PendingEvents);
        foreach (var expectation in scenario.Expectations)
            Assert.Contains(expectation.Text, hypervisor.UartOutput(expectation.Persona), StringComparison.Ordinal);
        Assert.Contains("personal: vcpu 1 start 0x0000000000000000", hypervisor.UartOutput(Component.Personal));
        Assert.Contains("work: vcpu 1 start 0x0000000000000000", hypervisor.UartOutput(Component.Work));
        // Both features ran: virtual timer interrupts reached both personas, and core 1 followed switches through the IPI.
        Assert.Contains(hypervisor.Injected, i => i.Persona == Component.Personal && i.Interrupt == Devices.VirtualInterrupt.Timer);
        Assert.Contains(hypervisor.Injected, i => i.Persona == Component.Work && i.Interrupt == Devices.VirtualInterrupt.Timer);
        Assert.Contains(log.Traps, t => t.Core == 1 && t.Description.StartsWith("switch IPI", StringComparison.Ordinal));
    }
}
