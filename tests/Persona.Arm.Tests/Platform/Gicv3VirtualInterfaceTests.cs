using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

public class Gicv3VirtualInterfaceTests
{
    private const ulong PendingGroup1Priority0xA0 = (1UL << 62) | (1UL << 60) | (0xA0UL << 48);

    private static GicTestKit GuestReady()
    {
        var kit = new GicTestKit().Enabled();
        kit.Write(GicSystemRegister.IchHcrEl2, 1);
        kit.Write(GicSystemRegister.IccPmrEl1, 0xFF, level: 1, hcr: GicTestKit.HcrImoFmo);
        kit.Write(GicSystemRegister.IccIgrpen1El1, 1, level: 1, hcr: GicTestKit.HcrImoFmo);
        return kit;
    }

    [Fact]
    public void ListRegister_PendingVirtualTimer_RoundTripsAsOnQemu()
    {
        var kit = GuestReady();
        kit.Write(GicSystemRegister.IchLr0El2, 0x50A0_0000_0000_001B);
        Assert.True(kit.Sinks[0].VirtualIrq);
        Assert.False(kit.Sinks[0].Irq);

        Assert.Equal(27UL, kit.Read(GicSystemRegister.IccIar1El1, level: 1, hcr: GicTestKit.HcrImoFmo));
        Assert.Equal(0x90A0_0000_0000_001BUL, kit.Read(GicSystemRegister.IchLr0El2));
        Assert.Equal(0xA0UL, kit.Read(GicSystemRegister.IccRprEl1, level: 1, hcr: GicTestKit.HcrImoFmo));
        Assert.False(kit.Sinks[0].VirtualIrq);

        kit.Write(GicSystemRegister.IccEoir1El1, 27, level: 1, hcr: GicTestKit.HcrImoFmo);
        Assert.Equal(0x10A0_0000_0000_001BUL, kit.Read(GicSystemRegister.IchLr0El2));
        Assert.Equal(0xFUL, kit.Read(GicSystemRegister.IchElrsrEl2));
        Assert.Equal(0xF84C_000AUL, kit.Read(GicSystemRegister.IchVmcrEl2));
    }

    [Fact]
    public void IccAccessAtEl1_WithoutImo_ReachesPhysicalInterface()
    {
        var kit = GuestReady();
        kit.EnablePrivate(0, 27, 0x80);
        kit.Gic.SetLevel(0, 27, true);
        kit.Write(GicSystemRegister.IchLr0El2, PendingGroup1Priority0xA0 | 40);

        Assert.Equal(27UL, kit.Read(GicSystemRegister.IccIar1El1, level: 1, hcr: 0));
        Assert.Equal(40UL, kit.Read(GicSystemRegister.IccIar1El1, level: 1, hcr: GicTestKit.HcrImoFmo));
    }

    [Fact]
    public void VirtualPriorityMask_BlocksListRegisterBelowIt()
    {
        var kit = GuestReady();
        kit.Write(GicSystemRegister.IccPmrEl1, 0xA0, level: 1, hcr: GicTestKit.HcrImoFmo);
        kit.Write(GicSystemRegister.IchLr1El2, PendingGroup1Priority0xA0 | 41);
        Assert.False(kit.Sinks[0].VirtualIrq);
        Assert.Equal((ulong)Gicv3.SpuriousInterrupt, kit.Read(GicSystemRegister.IccIar1El1, level: 1, hcr: GicTestKit.HcrImoFmo));
        kit.Write(GicSystemRegister.IccPmrEl1, 0xF0, level: 1, hcr: GicTestKit.HcrImoFmo);
        Assert.True(kit.Sinks[0].VirtualIrq);
    }

    [Fact]
    public void HardwareListRegister_VirtualEoi_DeactivatesPhysicalInterrupt()
    {
        var kit = GuestReady();
        kit.EnablePrivate(0, 27, 0x80);
        kit.Gic.SetLevel(0, 27, true);
        Assert.Equal(27UL, kit.Read(GicSystemRegister.IccIar1El1));
        kit.Write(GicSystemRegister.IccCtlrEl1, 1 << 1); // EOImode: priority drop only at EL2
        kit.Write(GicSystemRegister.IccEoir1El1, 27);
        Assert.True(kit.Gic.IsActive(0, 27));

        kit.Write(GicSystemRegister.IchLr0El2, PendingGroup1Priority0xA0 | (1UL << 61) | (27UL << 32) | 27);
        Assert.Equal(27UL, kit.Read(GicSystemRegister.IccIar1El1, level: 1, hcr: GicTestKit.HcrImoFmo));
        kit.Write(GicSystemRegister.IccEoir1El1, 27, level: 1, hcr: GicTestKit.HcrImoFmo);

        Assert.False(kit.Gic.IsActive(0, 27));
    }

    [Fact]
    public void VirtualEoi_WithNoMatchingListRegister_CountsInEoiCount()
    {
        var kit = GuestReady();
        kit.Write(GicSystemRegister.IccEoir1El1, 99, level: 1, hcr: GicTestKit.HcrImoFmo);
        kit.Write(GicSystemRegister.IccEoir1El1, 98, level: 1, hcr: GicTestKit.HcrImoFmo);
        Assert.Equal(2UL, kit.Read(GicSystemRegister.IchHcrEl2) >> 27);
    }

    [Fact]
    public void UnderflowMaintenance_AssertsPpi25ToTheHypervisor()
    {
        var kit = GuestReady();
        kit.EnablePrivate(0, 25, 0x80);
        Assert.False(kit.Sinks[0].Irq);
        kit.Write(GicSystemRegister.IchHcrEl2, 0b11); // En | UIE, no valid list register
        Assert.Equal(0b10UL, kit.Read(GicSystemRegister.IchMisrEl2));
        Assert.True(kit.Sinks[0].Irq);
        Assert.Equal(25UL, kit.Read(GicSystemRegister.IccIar1El1));
    }

    [Fact]
    public void EoiMaintenanceBit_AfterDeactivation_ShowsInEisrNotElrsr()
    {
        var kit = GuestReady();
        kit.Write(GicSystemRegister.IchLr2El2, PendingGroup1Priority0xA0 | (1UL << 41) | 50);
        Assert.Equal(50UL, kit.Read(GicSystemRegister.IccIar1El1, level: 1, hcr: GicTestKit.HcrImoFmo));
        kit.Write(GicSystemRegister.IccEoir1El1, 50, level: 1, hcr: GicTestKit.HcrImoFmo);
        Assert.Equal(0b0100UL, kit.Read(GicSystemRegister.IchEisrEl2));
        Assert.Equal(0b1011UL, kit.Read(GicSystemRegister.IchElrsrEl2));
        Assert.Equal(1UL, kit.Read(GicSystemRegister.IchMisrEl2) & 1);
    }

    [Fact]
    public void IchVtr_ReportsFourListRegistersAsQemu()
    {
        Assert.Equal(0x90B8_0003UL, new GicTestKit().Read(GicSystemRegister.IchVtrEl2));
    }
}
