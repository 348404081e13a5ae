using Persona.Arm.Platform;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Two cores: each persona starts its second vCPU with PSCI CPU_ON, a world switch moves every core (the switch IPI), and
/// the validator checks every core's contexts after every trap.</summary>
public sealed class SmpTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoCores_DefaultDay_BothPersonasRunTwoVcpus_EveryTrapValidated()
    {
        var (machine, hypervisor, validator, log) = TrapLog.Build(new RunOptions(Cores: 2));
        var stop = machine.Run(10_000_000);
        Dump(hypervisor, validator);
        foreach (var t in log.Traps.Where(t => t.Core == 1 || t.IsWorldSwitch))
            output.WriteLine(t.ToString());
        Assert.Null(validator!.FirstViolation);
        Assert.Equal(MachineStopReason.SystemOff, stop.Reason);
        Assert.Equal(log.Traps.Count, validator.Checked);
        Assert.Contains("personal: vcpu 1 start 0x0000000000000000", hypervisor.UartOutput(Component.Personal));
        Assert.Contains("work: vcpu 1 start 0x0000000000000000", hypervisor.UartOutput(Component.Work));
        Assert.Contains("personal: note: meeting at 10", hypervisor.UartOutput(Component.Personal));
        Assert.Contains("work: done, secret intact 0x0000000000000001", hypervisor.UartOutput(Component.Work));
        Assert.Contains("personal: done, secret intact 0x0000000000000001", hypervisor.UartOutput(Component.Personal));
        // Each persona's second vCPU trapped on core 1 (its status hypercall), and core 1 followed switches through the IPI.
        Assert.Contains(log.Traps, t => t.Core == 1 && t.Persona == Component.Personal && t.Description.Contains("Status"));
        Assert.Contains(log.Traps, t => t.Core == 1 && t.Persona == Component.Work && t.Description.Contains("Status"));
        // Core 1 left personal's vCPU for the switch to work through the IPI (and parked until work started its own vCPU 1).
        Assert.Contains(log.Traps, t => t.Core == 1 && t.Persona == Component.Personal && t.Description.StartsWith("switch IPI", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleCore_DefaultDay_IsUnchangedBySmpSupport()
    {
        var (machine, hypervisor, validator, log) = TrapLog.Build(new RunOptions());
        var stop = machine.Run(10_000_000);
        Assert.Null(validator!.FirstViolation);
        Assert.Equal(MachineStopReason.SystemOff, stop.Reason);
        Assert.DoesNotContain("vcpu 1", hypervisor.UartOutput(Component.Personal));
        Assert.All(log.Traps, t => Assert.Equal(0, t.Core));
    }

    [Fact]
    public void TwoCores_SwitchIsCompleteOnlyWhenEveryCoreHasSwitched()
    {
        // Stop right after the first switch to work on core 0: core 1 has been sent the IPI and has not run yet.
        var (machine, hypervisor, validator, log) = TrapLog.Build(new RunOptions(Cores: 2, Quantum: 1));
        var sawPending = false;
        for (var i = 0; i < 200_000 && !machine.IsSystemOff; i++)
        {
            machine.Run(1);
            if (hypervisor.CoresStillSwitching.Count > 0)
            {
                sawPending = true;
                // While core 1 still runs personal, the foreground devices belong to nobody.
                Assert.Equal(Component.Personal, hypervisor.LivePersonaOf(1));
                Assert.All(Enumerable.Range(0, hypervisor.Devices.Count).Where(d => hypervisor.Devices.Describe(d).Kind == DeviceKind.Foreground),
                    d => Assert.False(hypervisor.Devices[d].Assigned));
                break;
            }
        }
        Dump(hypervisor, validator);
        Assert.True(sawPending, "no switch was ever pending on core 1");
        Assert.Null(validator!.FirstViolation);
    }

    [Fact]
    public void TwoCores_EachCoreHasItsOwnSavedContextPerPersona_WithItsOwnVmid()
    {
        var (machine, hypervisor, validator, _) = TrapLog.Build(new RunOptions(Cores: 2, MaxInstructions: 10_000_000));
        // Run until the work persona has started its second vCPU and the handset has gone back to personal.
        while (!machine.IsSystemOff && !(hypervisor.UartOutput(Component.Personal).Contains("note:", StringComparison.Ordinal)
            && hypervisor.CoresStillSwitching.Count == 0 && hypervisor.LivePersonaOf(1) == Component.Personal))
            machine.Run(100);
        Assert.False(machine.IsSystemOff);
        Assert.Null(validator!.FirstViolation);
        for (var core = 0; core < 2; core++)
        {
            var work = hypervisor.SavedContextOf(Component.Work, core);
            Assert.NotNull(work);
            var vttbr = work[Vcpu.SavedRegisters.IndexOf(Arm.Cpu.SystemRegister.VttbrEl2)];
            Assert.Equal(HypervisorLayout.VmidOf(Component.Work), (ushort)(vttbr >> 48));
            var live = hypervisor.CoreAt(core).ReadSystemRegister(Arm.Cpu.SystemRegister.VttbrEl2);
            Assert.Equal(HypervisorLayout.VmidOf(Component.Personal), (ushort)(live >> 48));
        }
        var sp = Vcpu.SavedRegisters.IndexOf(Arm.Cpu.SystemRegister.SpEl1);
        Assert.NotEqual(hypervisor.SavedContextOf(Component.Work, 0)![sp], hypervisor.SavedContextOf(Component.Work, 1)![sp]);
    }

    private void Dump(Hypervisor hypervisor, Validation.Validator? validator)
    {
        output.WriteLine(hypervisor.UartOutput(Component.Personal));
        output.WriteLine(hypervisor.UartOutput(Component.Work));
        foreach (var line in hypervisor.Log)
            output.WriteLine(line);
        output.WriteLine(validator?.FirstViolation?.ToString() ?? "no violation");
    }
}
