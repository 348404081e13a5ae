namespace Persona.Arm.Platform;

/// <summary>The physical memory map and interrupt numbers of the machine, as on QEMU's <c>virt</c> board (one definition).</summary>
public static class PlatformMap
{
    /// <summary>Where RAM starts.</summary>
    public const ulong RamBase = 0x4000_0000;

    /// <summary>The default RAM size, QEMU's default of 128 MiB.</summary>
    public const ulong DefaultRamSize = 128UL << 20;

    /// <summary>The GICv3 distributor.</summary>
    public const ulong GicDistributorBase = 0x0800_0000;

    /// <summary>The GICv3 distributor's window size.</summary>
    public const ulong GicDistributorSize = 0x1_0000;

    /// <summary>The first GICv3 redistributor; each core's follows at <see cref="GicRedistributorStride"/>.</summary>
    public const ulong GicRedistributorBase = 0x080A_0000;

    /// <summary>The size of one core's redistributor frames (RD_base and SGI_base).</summary>
    public const ulong GicRedistributorStride = 0x2_0000;

    /// <summary>The PL011 UART.</summary>
    public const ulong UartBase = 0x0900_0000;

    /// <summary>The PL011's window size.</summary>
    public const ulong UartSize = 0x1000;

    /// <summary>The SMMU's register window (QEMU virt's VIRT_SMMU); present when a platform attaches DMA masters.</summary>
    public const ulong SmmuBase = 0x0905_0000;

    /// <summary>The first of the 32 virtio-mmio transports.</summary>
    public const ulong VirtioBase = 0x0A00_0000;

    /// <summary>The transport the block device uses: QEMU fills slots from the top, so the first device is in slot 31 (0x0A00_3E00).</summary>
    public const int VirtioBlockSlot = 31;

    /// <summary>The size of one virtio-mmio transport.</summary>
    public const ulong VirtioSize = 0x200;

    /// <summary>The UART's interrupt (SPI 1).</summary>
    public const int UartInterrupt = 33;

    /// <summary>The virtio block device's interrupt (SPI 16 + its slot).</summary>
    public const int VirtioBlockInterrupt = 48 + VirtioBlockSlot;

    /// <summary>The GIC maintenance interrupt (PPI 9).</summary>
    public const int GicMaintenanceInterrupt = 25;

    /// <summary>The EL2 physical (hypervisor) timer interrupt (PPI 10).</summary>
    public const int HypervisorTimerInterrupt = 26;

    /// <summary>The EL1 virtual timer interrupt (PPI 11).</summary>
    public const int VirtualTimerInterrupt = 27;

    /// <summary>The EL1 non-secure physical timer interrupt (PPI 14).</summary>
    public const int PhysicalTimerInterrupt = 30;

    /// <summary>The counter frequency QEMU 7.2 reports in CNTFRQ_EL0: 62.5 MHz.</summary>
    public const ulong CounterFrequency = 62_500_000;
}
