using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

public class Gicv3Tests
{
    [Fact]
    public void Spi_RoutedToCore1_SignalsOnlyCore1AndAcknowledgesThere()
    {
        var kit = new GicTestKit(cores: 2).Enabled();
        kit.Distributor(0x080 + 4, 1u << 1);             // IGROUPR1: INTID 33 group 1
        kit.Distributor(0x400 + 33, 0x40, 1);            // priority
        kit.Distributor(0x6000 + (33 * 8), 1, 8);        // IROUTER: Aff0 = 1
        kit.Distributor(0x100 + 4, 1u << 1);             // ISENABLER1
        Assert.False(kit.Sinks[1].Irq);

        kit.Gic.SetLevel(0, 33, true);

        Assert.False(kit.Sinks[0].Irq);
        Assert.True(kit.Sinks[1].Irq);
        Assert.Equal(Gicv3.SpuriousInterrupt, (int)kit.Read(GicSystemRegister.IccIar1El1, core: 0));
        Assert.Equal(33UL, kit.Read(GicSystemRegister.IccIar1El1, core: 1));
        Assert.Equal(0x40UL, kit.Read(GicSystemRegister.IccRprEl1, core: 1));
        Assert.False(kit.Sinks[1].Irq); // active: not signalled again
    }

    [Fact]
    public void LevelPpi_AckThenEoi_ResignalsOnlyWhileLineStaysHigh()
    {
        var kit = new GicTestKit().Enabled();
        kit.EnablePrivate(0, 27, 0x80);
        kit.Gic.SetLevel(0, 27, true);
        Assert.True(kit.Sinks[0].Irq);
        Assert.True(kit.Gic.IsPending(0, 27));

        Assert.Equal(27UL, kit.Read(GicSystemRegister.IccIar1El1));
        Assert.False(kit.Sinks[0].Irq);
        kit.Write(GicSystemRegister.IccEoir1El1, 27);
        Assert.True(kit.Sinks[0].Irq);   // the line is still high: pending again

        kit.Gic.SetLevel(0, 27, false);
        Assert.False(kit.Sinks[0].Irq);
        Assert.Equal(0xFFUL, kit.Read(GicSystemRegister.IccRprEl1));
    }

    [Fact]
    public void PriorityMask_AtOrBelowPriority_BlocksSignalAndAcknowledge()
    {
        var kit = new GicTestKit().Enabled();
        kit.EnablePrivate(0, 26, 0x80);
        kit.Write(GicSystemRegister.IccPmrEl1, 0x80);
        kit.Gic.SetLevel(0, 26, true);

        Assert.False(kit.Sinks[0].Irq);
        Assert.Equal((ulong)Gicv3.SpuriousInterrupt, kit.Read(GicSystemRegister.IccIar1El1));
        Assert.Equal(0x80UL, kit.Read(GicSystemRegister.IccPmrEl1));

        kit.Write(GicSystemRegister.IccPmrEl1, 0xFF);
        Assert.Equal(0xF8UL, kit.Read(GicSystemRegister.IccPmrEl1)); // five priority bits, as QEMU
        Assert.True(kit.Sinks[0].Irq);
    }

    [Fact]
    public void Sgi1r_TargetList_PendsSgiOnTargetCoreOnly()
    {
        var kit = new GicTestKit(cores: 3).Enabled();
        for (var c = 0; c < 3; c++)
            kit.EnablePrivate(c, 5, 0x80);

        kit.Write(GicSystemRegister.IccSgi1rEl1, (5UL << 24) | 0b100, core: 0);

        Assert.False(kit.Sinks[0].Irq);
        Assert.False(kit.Sinks[1].Irq);
        Assert.True(kit.Sinks[2].Irq);
        Assert.Equal(5UL, kit.Read(GicSystemRegister.IccIar1El1, core: 2));
    }

    [Fact]
    public void Redistributor_WakerAndTyper_ReportSleepAndAffinity()
    {
        var kit = new GicTestKit(cores: 2);
        Assert.Equal(0x6UL, kit.ReadRedistributor(1, 0x14));
        kit.Redistributor(1, 0x14, 0);
        Assert.Equal(0UL, kit.ReadRedistributor(1, 0x14));
        Assert.Equal((1UL << 32) | (1UL << 8) | (1UL << 4), kit.ReadRedistributor(1, 0x8, 8));
        Assert.Equal(0UL, kit.ReadRedistributor(0, 0xC));
        Assert.Equal(0x3BUL, kit.ReadDistributor(0xFFE8));
    }

    [Fact]
    public void Distributor_Disabled_HoldsInterruptsBack()
    {
        var kit = new GicTestKit().Enabled();
        kit.EnablePrivate(0, 27, 0x80);
        kit.Distributor(0x0, 0x10);
        kit.Gic.SetLevel(0, 27, true);
        Assert.False(kit.Sinks[0].Irq);
        kit.Distributor(0x0, 0x12);
        Assert.True(kit.Sinks[0].Irq);
    }
}

public class Gicv3RegressionTests
{
    // Found by DeviceFuzzTests (seed 20261121): the IROUTER window ran 32 entries past the last SPI and indexed out of range.
    [Fact]
    public void Irouter_LastSpiRoundTrips_AndOffsetsPastItAreIgnored()
    {
        var kit = new GicTestKit();
        kit.Distributor(0x6000 + (287 * 8), 0x1, 8);
        Assert.Equal(0x1UL, kit.ReadDistributor(0x6000 + (287 * 8), 8));
        kit.Distributor(0x6000 + (288 * 8), 0x1, 8);
        Assert.Equal(0UL, kit.ReadDistributor(0x6000 + (300 * 8), 8));
    }
}
