using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using static Persona.Hypervisor.Tests.Hostile.A64;

namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>What hurts a hypervisor, as tables the generator draws from: system registers of every level, PSCI functions, and
/// guest-physical addresses where isolation could leak (the other persona's RAM, emulated and real MMIO, the table pool, channel
/// slots, unmapped space). Addresses come from the embedded handset platform and the hypervisor's layout, PSCI identifiers from
/// Persona.Arm's table: only the system-register and maintenance encodings (the Arm ARM's) are written here.</summary>
internal static class HostileTargets
{
    /// <summary>System registers by encoding: EL1 state, EL2 and EL3 registers (UNDEFINED from EL1), timers, GIC CPU interface and hypervisor interface.</summary>
    public static readonly (string Name, SysEncoding Encoding)[] SystemRegisters =
    [
        ("SCTLR_EL1", new(3, 0, 1, 0, 0)), ("CPACR_EL1", new(3, 0, 1, 0, 2)), ("TTBR0_EL1", new(3, 0, 2, 0, 0)),
        ("TTBR1_EL1", new(3, 0, 2, 0, 1)), ("TCR_EL1", new(3, 0, 2, 0, 2)), ("SPSR_EL1", new(3, 0, 4, 0, 0)),
        ("ELR_EL1", new(3, 0, 4, 0, 1)), ("SP_EL0", new(3, 0, 4, 1, 0)), ("SPSel", new(3, 0, 4, 2, 0)),
        ("CurrentEL", new(3, 0, 4, 2, 2)), ("ESR_EL1", new(3, 0, 5, 2, 0)), ("FAR_EL1", new(3, 0, 6, 0, 0)),
        ("PAR_EL1", new(3, 0, 7, 4, 0)), ("MAIR_EL1", new(3, 0, 10, 2, 0)), ("VBAR_EL1", new(3, 0, 12, 0, 0)),
        ("CONTEXTIDR_EL1", new(3, 0, 13, 0, 1)), ("TPIDR_EL1", new(3, 0, 13, 0, 4)), ("CNTKCTL_EL1", new(3, 0, 14, 1, 0)),
        ("MPIDR_EL1", new(3, 0, 0, 0, 5)), ("MIDR_EL1", new(3, 0, 0, 0, 0)), ("DAIF", new(3, 3, 4, 2, 1)), ("NZCV", new(3, 3, 4, 2, 0)),
        ("TPIDR_EL0", new(3, 3, 13, 0, 2)), ("DCZID_EL0", new(3, 3, 0, 0, 7)),
        ("CNTFRQ_EL0", new(3, 3, 14, 0, 0)), ("CNTPCT_EL0", new(3, 3, 14, 0, 1)), ("CNTVCT_EL0", new(3, 3, 14, 0, 2)),
        ("CNTP_TVAL_EL0", new(3, 3, 14, 2, 0)), ("CNTP_CTL_EL0", new(3, 3, 14, 2, 1)), ("CNTP_CVAL_EL0", new(3, 3, 14, 2, 2)),
        ("CNTV_TVAL_EL0", new(3, 3, 14, 3, 0)), ("CNTV_CTL_EL0", new(3, 3, 14, 3, 1)), ("CNTV_CVAL_EL0", new(3, 3, 14, 3, 2)),
        ("ICC_PMR_EL1", new(3, 0, 4, 6, 0)), ("ICC_IAR0_EL1", new(3, 0, 12, 8, 0)), ("ICC_EOIR0_EL1", new(3, 0, 12, 8, 1)),
        ("ICC_AP1R0_EL1", new(3, 0, 12, 9, 0)), ("ICC_DIR_EL1", new(3, 0, 12, 11, 1)), ("ICC_RPR_EL1", new(3, 0, 12, 11, 3)),
        ("ICC_SGI1R_EL1", new(3, 0, 12, 11, 5)), ("ICC_ASGI1R_EL1", new(3, 0, 12, 11, 6)), ("ICC_SGI0R_EL1", new(3, 0, 12, 11, 7)),
        ("ICC_IAR1_EL1", new(3, 0, 12, 12, 0)), ("ICC_EOIR1_EL1", new(3, 0, 12, 12, 1)), ("ICC_HPPIR1_EL1", new(3, 0, 12, 12, 2)),
        ("ICC_BPR1_EL1", new(3, 0, 12, 12, 3)), ("ICC_CTLR_EL1", new(3, 0, 12, 12, 4)), ("ICC_SRE_EL1", new(3, 0, 12, 12, 5)),
        ("ICC_IGRPEN0_EL1", new(3, 0, 12, 12, 6)), ("ICC_IGRPEN1_EL1", new(3, 0, 12, 12, 7)),
        ("HCR_EL2", new(3, 4, 1, 1, 0)), ("MDCR_EL2", new(3, 4, 1, 1, 1)), ("CPTR_EL2", new(3, 4, 1, 1, 2)), ("HSTR_EL2", new(3, 4, 1, 1, 3)),
        ("SCTLR_EL2", new(3, 4, 1, 0, 0)), ("TTBR0_EL2", new(3, 4, 2, 0, 0)), ("TCR_EL2", new(3, 4, 2, 0, 2)),
        ("VTTBR_EL2", new(3, 4, 2, 1, 0)), ("VTCR_EL2", new(3, 4, 2, 1, 2)), ("SPSR_EL2", new(3, 4, 4, 0, 0)), ("ELR_EL2", new(3, 4, 4, 0, 1)),
        ("SP_EL1", new(3, 4, 4, 1, 0)), ("ESR_EL2", new(3, 4, 5, 2, 0)), ("FAR_EL2", new(3, 4, 6, 0, 0)), ("HPFAR_EL2", new(3, 4, 6, 0, 4)),
        ("VBAR_EL2", new(3, 4, 12, 0, 0)), ("TPIDR_EL2", new(3, 4, 13, 0, 2)), ("VMPIDR_EL2", new(3, 4, 0, 0, 5)),
        ("CNTHCTL_EL2", new(3, 4, 14, 1, 0)), ("CNTVOFF_EL2", new(3, 4, 14, 0, 3)), ("CNTHP_CTL_EL2", new(3, 4, 14, 2, 1)),
        ("ICC_SRE_EL2", new(3, 4, 12, 9, 5)), ("ICH_AP1R0_EL2", new(3, 4, 12, 9, 0)), ("ICH_HCR_EL2", new(3, 4, 12, 11, 0)),
        ("ICH_VTR_EL2", new(3, 4, 12, 11, 1)), ("ICH_MISR_EL2", new(3, 4, 12, 11, 2)), ("ICH_ELRSR_EL2", new(3, 4, 12, 11, 5)),
        ("ICH_VMCR_EL2", new(3, 4, 12, 11, 7)), ("ICH_LR0_EL2", new(3, 4, 12, 12, 0)), ("ICH_LR3_EL2", new(3, 4, 12, 12, 3)),
        ("ICH_LR8_EL2", new(3, 4, 12, 13, 0)),
        ("SCR_EL3", new(3, 6, 1, 1, 0)), ("SCTLR_EL3", new(3, 6, 1, 0, 0)), ("VBAR_EL3", new(3, 6, 12, 0, 0)),
        ("ELR_EL3", new(3, 6, 4, 0, 1)), ("ICC_SRE_EL3", new(3, 6, 12, 12, 5)), ("ICC_CTLR_EL3", new(3, 6, 12, 12, 4)),
        ("OSLAR_EL1", new(2, 0, 1, 0, 4)), ("MDSCR_EL1", new(2, 0, 0, 2, 2)), ("DBGBVR0_EL1", new(2, 0, 0, 0, 4)),
    ];

    /// <summary>Cache, TLB and address-translation operations (SYS aliases), EL1 ones and EL2 ones that are UNDEFINED from EL1.</summary>
    public static readonly (string Name, SysEncoding Encoding)[] Maintenance =
    [
        ("DC ZVA", new(1, 3, 7, 4, 1)), ("DC IVAC", new(1, 0, 7, 6, 1)), ("DC ISW", new(1, 0, 7, 6, 2)), ("DC CSW", new(1, 0, 7, 10, 2)),
        ("DC CISW", new(1, 0, 7, 14, 2)), ("DC CVAC", new(1, 3, 7, 10, 1)), ("DC CIVAC", new(1, 3, 7, 14, 1)), ("DC CVAU", new(1, 3, 7, 11, 1)),
        ("IC IALLUIS", new(1, 0, 7, 1, 0)), ("IC IALLU", new(1, 0, 7, 5, 0)), ("IC IVAU", new(1, 3, 7, 5, 1)),
        ("TLBI VMALLE1IS", new(1, 0, 8, 3, 0)), ("TLBI VMALLE1", new(1, 0, 8, 7, 0)), ("TLBI VAE1IS", new(1, 0, 8, 3, 1)),
        ("TLBI ASIDE1", new(1, 0, 8, 7, 2)), ("TLBI VAAE1", new(1, 0, 8, 7, 3)),
        ("TLBI ALLE2", new(1, 4, 8, 7, 0)), ("TLBI ALLE1IS", new(1, 4, 8, 3, 4)), ("TLBI VMALLS12E1IS", new(1, 4, 8, 3, 6)),
        ("TLBI IPAS2E1IS", new(1, 4, 8, 0, 1)), ("TLBI ALLE3", new(1, 6, 8, 7, 0)),
        ("AT S1E1R", new(1, 0, 7, 8, 0)), ("AT S1E1W", new(1, 0, 7, 8, 1)), ("AT S1E0R", new(1, 0, 7, 8, 2)),
        ("AT S12E1R", new(1, 4, 7, 8, 4)), ("AT S1E2R", new(1, 4, 7, 8, 0)), ("AT S1E3R", new(1, 6, 7, 8, 0)),
    ];

    /// <summary>PSCI function identifiers: Persona.Arm's one table, plus SMC64 forms and optional functions it does not name.</summary>
    public static readonly (string Name, ulong Id)[] PsciFunctions =
    [
        .. Enum.GetValues<PsciFunction>().Select(f => (f.ToString(), (ulong)f)),
        ("CPU_FREEZE", 0x8400_000B), ("CPU_DEFAULT_SUSPEND", 0xC400_000C), ("SYSTEM_SUSPEND", 0xC400_000E), ("SYSTEM_RESET2", 0xC400_0012),
    ];

    /// <summary>The PSCI calls after which the work persona stops (on the boot vCPU).</summary>
    public static readonly HashSet<string> StoppingPsci = [nameof(PsciFunction.CpuOff), nameof(PsciFunction.SystemOff), nameof(PsciFunction.SystemReset)];

    /// <summary>Where the block device's registers are (the hypervisor emulates one per persona at this IPA).</summary>
    public const ulong Storage = DeviceLayout.StorageIpa;

    /// <summary>Where the persona's modem line is.</summary>
    public const ulong Modem = DeviceLayout.ModemIpa;

    private static readonly Platform Handset = DefaultPlatform.Load();


    /// <summary>The virtio-mmio register offsets the hostile queue setup writes (virtio 1.x, MMIO transport, version 2).</summary>
    public static readonly ulong[] VirtioRegisters = [0x14, 0x20, 0x24, 0x30, 0x38, 0x44, 0x50, 0x64, 0x70, 0x80, 0x84, 0x90, 0x94, 0xA0, 0xA4, 0x100];

    /// <summary>Guest-physical addresses worth aiming at, with why: the platform's regions and device windows (their physical
    /// addresses, as IPAs), the hypervisor's emulated windows and channel slots, the GIC and SMMU, and the edges of the IPA space.</summary>
    public static readonly (string Why, ulong Ipa)[] Addresses =
    [
        .. Handset.Regions.Select(r => ($"{r.Name} (physical base)", r.Range.Base)),
        .. Handset.Regions.Select(r => ($"{r.Name} (last physical page)", r.Range.End - 0x1000)),
        .. Handset.Devices.Select(d => ($"{d.Name} registers", d.Mmio.Base)),
        ("past work RAM", HypervisorLayout.GuestRamIpa + Handset.Regions.First(r => r.Kind == RegionKind.Work).Range.Size),
        ("below RAM", HypervisorLayout.GuestRamIpa - 0x1000), ("stage-2 table pool (physical)", PlatformFit.TablePoolBase(Handset)),
        ("UART", HypervisorLayout.UartIpa), ("UART flags", HypervisorLayout.UartIpa + 0x18), ("UART window end", HypervisorLayout.UartIpa + 0xFFC),
        ("block device", Storage), ("block device queue notify", Storage + 0x50), ("modem line", Modem), ("modem events", Modem + 0xC),
        ("past the modem line", Modem + DeviceLayout.WindowSize), ("GIC distributor", PlatformMap.GicDistributorBase),
        ("GIC redistributor", PlatformMap.GicRedistributorBase), ("GIC redistributor SGI frame", PlatformMap.GicRedistributorBase + 0x1_0000),
        ("SMMU", PlatformMap.SmmuBase), ("channel slot 1", HypervisorLayout.ChannelIpa + 0x1000), ("channel slot 15", HypervisorLayout.ChannelIpa + 0xF000),
        ("past the channel slots", HypervisorLayout.ChannelIpa + ((ulong)HypervisorLayout.ChannelSlots * 0x1000)), ("IPA top (32 bits)", 0xFFFF_F000),
        ("beyond the IPA size", 1UL << HypervisorLayout.IpaBits), ("top of the address space", 0xFFFF_FFFF_FFFF_F000), ("zero page", 0),
    ];

    /// <summary>The channel slot the personal persona lends its page through: a declared channel (loads only, unless declared channels are attacked).</summary>
    public const ulong LentChannel = HypervisorLayout.ChannelIpa;

    /// <summary>Devices by platform index that the personal persona may ask for and only one may hold (exclusive: a declared interaction).</summary>
    public static readonly int[] ExclusiveDevicesPersonalUses = [.. Handset.Devices.Select((d, i) => (d, i)).Where(x => x.d.Kind == DeviceKind.Exclusive).Select(x => x.i)];

    /// <summary>The DMA-capable devices the work persona may come to hold, by platform index with their register windows: the
    /// foreground ones (it holds them whenever it is in front), and the exclusive ones when declared interactions are attacked.</summary>
    public static IReadOnlyList<(int Index, ulong Window)> DmaDevices(bool withExclusive) =>
        [.. Handset.Devices.Select((d, i) => (d, i)).Where(x => x.d.DmaMaster && (x.d.Kind == DeviceKind.Foreground || (withExclusive && x.d.Kind == DeviceKind.Exclusive)))
            .Select(x => (x.i, x.d.Mmio.Base))];
}
