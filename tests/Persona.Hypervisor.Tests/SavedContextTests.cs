using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Hypervisor.Interrupts;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Tests;

/// <summary>The world switch's context covers the whole virtual GIC the platform implements and the virtual timer.</summary>
public sealed class SavedContextTests
{
    [Fact]
    public void ContextHoldsEveryListRegisterAndActivePriorityRegisterTheGicReports()
    {
        var (_, hypervisor, _) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(Validate: false));
        // ICH_VTR_EL2: ListRegs (bits 4:0) is the number of list registers minus one; PREbits (28:26) minus one gives the
        // preemption bits, and 2^(PREbits - 5) is how many ICH_AP0Rn/AP1Rn registers exist.
        var vtr = hypervisor.BootCore.ReadSystemRegister(SystemRegisterKey.Of(3, 4, 12, 11, 1));
        var listRegisters = (int)(vtr & 0x1F) + 1;
        var activePriorityRegisters = 1 << ((int)((vtr >> 26) & 7) + 1 - 5);
        var names = Enumerable.Range(0, SavedRegisters.Count).Select(SavedRegisters.NameOf).ToHashSet();
        Assert.Equal(ListRegister.Count, listRegisters);
        for (var n = 0; n < listRegisters; n++)
            Assert.Contains($"ICH_LR{n}_EL2", names);
        for (var n = 0; n < activePriorityRegisters; n++)
        {
            Assert.Contains($"ICH_AP0R{n}_EL2", names);
            Assert.Contains($"ICH_AP1R{n}_EL2", names);
        }
        Assert.Superset(new HashSet<string> { "ICH_HCR_EL2", "ICH_VMCR_EL2", "CNTVOFF_EL2", "CNTV_CTL_EL0", "CNTV_CVAL_EL0", "CNTKCTL_EL1", "VttbrEl2", "X30" }, names);
    }

    [Fact]
    public void BootEnablesTheVirtualCpuInterfaceForBothPersonas()
    {
        var (_, hypervisor, _) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(Validate: false));
        var hcr = SavedRegisters.IndexOfPlatform("ICH_HCR_EL2");
        Assert.Equal(PhysicalGic.VirtualInterfaceEnabled, hypervisor.BootCore.ReadSystemRegister(PhysicalGic.IchHcr) & 1);
        Assert.Equal(PhysicalGic.VirtualInterfaceEnabled, hypervisor.SavedContextOf(Spec.Model.Component.Work)![hcr] & 1);
        Assert.Equal(0UL, hypervisor.BootCore.ReadSystemRegister(SystemRegister.HcrEl2) & (ulong)HcrBits.TWI);
    }
}
