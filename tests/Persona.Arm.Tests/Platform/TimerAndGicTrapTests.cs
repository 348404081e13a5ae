using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Platform;

/// <summary>The device-owned trap controls: CNTHCTL_EL2 and CNTKCTL_EL1 for the generic timer, HCR_EL2.IMO/FMO and ICH_HCR_EL2.TC for SGI writes.</summary>
/// <remarks>Expected syndromes are written out by hand from the EC 0x18 layout (Op0[21:20] Op2[19:17] Op1[16:14] CRn[13:10]
/// Rt[9:5] CRm[4:1] read[0]), with EC = 0x18 and IL = 1 above them.</remarks>
public sealed class TimerAndGicTrapTests
{
    private const ulong Entry = PlatformMap.RamBase + 0x1_0000;
    private const ulong El2Vectors = PlatformMap.RamBase + 0x2_0000;
    private const ulong El1Vectors = PlatformMap.RamBase + 0x3_0000;
    private const ulong MrsX1CntpctSyndrome = 0x6232F821;
    private const ulong MrsX1CntvctSyndrome = 0x6234F821;
    private const ulong MsrCntpCtlX2Syndrome = 0x6232F844;
    private const ulong MrsX1CntvCtlSyndrome = 0x6232F827;
    private const ulong MsrIccSgi1rX3Syndrome = 0x623A3076;

    private static readonly SystemRegisterKey Cnthctl = new((int)TimerSystemRegister.CnthctlEl2);
    private static readonly SystemRegisterKey Cntkctl = new((int)TimerSystemRegister.CntkctlEl1);

    private sealed record Guest(Machine Machine, Core Core, ExceptionLog Log);

    // A machine whose core 0 runs `code` at `level` with the given HCR_EL2, timer and GIC controls; every vector parks in WFI.
    private static Guest Start(string code, int level, HcrBits hcr, ulong cnthctl, ulong cntkctl = 0, ulong ichHcr = 0)
    {
        var machine = new Machine(new MachineOptions { RamSize = 1 << 20 }, InterpreterCore.Factory(), Stream.Null);
        Load(machine, Entry, code + "\nwfi");
        Load(machine, El2Vectors, ".rept 16\nwfi\nb .\n.balign 128\n.endr");
        Load(machine, El1Vectors, ".rept 16\nwfi\nb .\n.balign 128\n.endr");
        machine.Start(Entry);
        var core = ((InterpreterCore)machine.Cores[0]).Core;
        core.Reset(Entry, level);
        core.WriteSystemRegister(SystemRegister.VbarEl2, El2Vectors);
        core.WriteSystemRegister(SystemRegister.VbarEl1, El1Vectors);
        core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)hcr);
        core.WriteSystemRegister(Cnthctl, cnthctl);
        core.WriteSystemRegister(Cntkctl, cntkctl);
        core.WriteSystemRegister(new SystemRegisterKey((int)GicSystemRegister.IchHcrEl2), ichHcr);
        var log = new ExceptionLog();
        core.ExceptionObserver = log;
        Assert.Equal(StopReason.WaitingForInterrupt, core.Run(1000).Reason);
        return new Guest(machine, core, log);
    }

    private static void Load(Machine machine, ulong address, string code)
    {
        var bytes = Toolchain.AssembleFlat(code, address);
        bytes.CopyTo(machine.Bus.Ram.SpanForWrite(address, bytes.Length));
    }

    private static void AssertTrapped(Guest guest, int toLevel, ulong syndrome, ulong returnAddress)
    {
        var record = Assert.Single(guest.Log.Records);
        Assert.Equal((toLevel, syndrome, returnAddress), (record.ToLevel, record.Syndrome, record.ReturnAddress));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Cnthctl_El1pctenClear_El1ReadOfCntpct_TrapsToEl2_ButCntvctDoesNot()
    {
        var guest = Start("mrs x0, cntvct_el0\nmrs x1, cntpct_el0", 1, HcrBits.RW, cnthctl: 0b10);
        AssertTrapped(guest, 2, MrsX1CntpctSyndrome, Entry + 4);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Cnthctl_El1pcenClear_El1WriteOfCntpCtl_TrapsToEl2()
    {
        var guest = Start("mrs x1, cntpct_el0\nmsr cntp_ctl_el0, x2", 1, HcrBits.RW, cnthctl: 0b01);
        AssertTrapped(guest, 2, MsrCntpCtlX2Syndrome, Entry + 4);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Cnthctl_BothSet_El1PhysicalCounterAndTimer_DoNotTrap()
    {
        var guest = Start("mrs x1, cntpct_el0\nmsr cntp_ctl_el0, x2\nmrs x3, cntp_ctl_el0", 1, HcrBits.RW, cnthctl: 0b11);
        Assert.Empty(guest.Log.Records);
        Assert.Equal(Entry + 12, guest.Core.Pc - 4);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Cntkctl_El0vctenClear_El0ReadOfCntvct_TrapsToEl1()
    {
        var guest = Start("mrs x1, cntvct_el0", 0, HcrBits.RW, cnthctl: 0b11, cntkctl: 0);
        AssertTrapped(guest, 1, MrsX1CntvctSyndrome, Entry);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Cntkctl_El0vctenClear_UnderTge_TrapsToEl2()
    {
        var guest = Start("mrs x1, cntvct_el0", 0, HcrBits.RW | HcrBits.TGE, cnthctl: 0b11, cntkctl: 0);
        AssertTrapped(guest, 2, MrsX1CntvctSyndrome, Entry);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Cntkctl_El0vtenClear_El0ReadOfCntvCtl_TrapsToEl1_AfterAllowedCounterRead()
    {
        var guest = Start("mrs x0, cntvct_el0\nmrs x1, cntv_ctl_el0", 0, HcrBits.RW, cnthctl: 0b11, cntkctl: 0b10);
        AssertTrapped(guest, 1, MrsX1CntvCtlSyndrome, Entry + 4);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void El0ReadOfCntpct_AllowedByCntkctl_ButNotByCnthctl_TrapsToEl2()
    {
        var guest = Start("mrs x1, cntpct_el0", 0, HcrBits.RW, cnthctl: 0b10, cntkctl: 0b01);
        AssertTrapped(guest, 2, MrsX1CntpctSyndrome, Entry);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void IccSgi1rWrite_FromEl1_WithImo_TrapsToEl2()
    {
        var guest = Start("msr icc_sgi1r_el1, x3", 1, HcrBits.RW | HcrBits.IMO, cnthctl: 0b11);
        AssertTrapped(guest, 2, MsrIccSgi1rX3Syndrome, Entry);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void IccSgi1rWrite_FromEl1_WithoutImoFmoOrTc_ReachesTheGic_AndWithTcTrapsToEl2()
    {
        // SGI 5 to core 0 (INTID in [27:24], target list bit 0): it arrives pending in core 0's redistributor.
        const string SendSgi5ToCore0 = "mov x3, #1\nmovk x3, #0x500, lsl #16\nmsr icc_sgi1r_el1, x3";
        var free = Start(SendSgi5ToCore0, 1, HcrBits.RW, cnthctl: 0b11);
        Assert.Empty(free.Log.Records);
        Assert.True(free.Machine.Gic.Redistributors.TryRead(0, 0x10200, 4, out var pending));
        Assert.Equal(1UL << 5, pending & 0xFFFF);

        var trapped = Start(SendSgi5ToCore0, 1, HcrBits.RW, cnthctl: 0b11, ichHcr: 1 << 10);
        AssertTrapped(trapped, 2, MsrIccSgi1rX3Syndrome, Entry + 8);
    }
}
