using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

/// <summary>A GICv3 with affinity routing: distributor, one redistributor per core, the ICC_* CPU interface and the ICH_*/ICV_* virtual interface.</summary>
/// <remarks>It runs with a single security state (GICD_CTLR.DS=1), as QEMU's virt does without EL3. Group 0 is signalled as FIQ
/// and group 1 as IRQ. After every change the output lines of the affected cores are recomputed and pushed to their
/// <see cref="IInterruptSink"/>, so an interrupt made pending by a register write is seen at the next instruction boundary.</remarks>
public sealed partial class Gicv3 : ISystemRegisterDevice, IInterruptLines
{
    /// <summary>The number of INTIDs the distributor implements (SGIs, PPIs and 256 SPIs), as on QEMU virt.</summary>
    public const int InterruptCount = 288;

    /// <summary>The INTID the CPU interface returns when nothing can be acknowledged.</summary>
    public const int SpuriousInterrupt = 1023;

    private readonly InterruptState[] shared = new InterruptState[InterruptCount - 32];
    private readonly InterruptState[][] privates;
    private readonly CpuInterface[] cpus;
    private readonly IInterruptSink?[] sinks;
    private readonly (bool Irq, bool Fiq, bool VirtualIrq, bool VirtualFiq)[] lastLines;
    private uint distributorControl;

    /// <summary>Creates a GIC for <paramref name="coreCount"/> cores, every interrupt disabled, group 0, priority 0.</summary>
    public Gicv3(int coreCount)
    {
        CoreCount = coreCount;
        privates = new InterruptState[coreCount][];
        cpus = new CpuInterface[coreCount];
        sinks = new IInterruptSink?[coreCount];
        lastLines = new (bool, bool, bool, bool)[coreCount];
        for (var c = 0; c < coreCount; c++)
        {
            privates[c] = new InterruptState[32];
            for (var id = 0; id < 16; id++)
                privates[c][id].EdgeTriggered = true;
            cpus[c] = new CpuInterface();
        }
        Distributor = new DistributorFrame(this);
        Redistributors = new RedistributorFrames(this);
    }

    /// <summary>The number of cores (and redistributors).</summary>
    public int CoreCount { get; }

    /// <summary>The distributor's MMIO window (GICD).</summary>
    public IMmioDevice Distributor { get; }

    /// <summary>All redistributors' MMIO windows (GICR), one 128 KiB frame pair per core.</summary>
    public IMmioDevice Redistributors { get; }

    /// <summary>Connects core <paramref name="coreId"/>'s interrupt inputs.</summary>
    public void Connect(int coreId, IInterruptSink sink)
    {
        sinks[coreId] = sink;
        Update(coreId);
    }

    /// <inheritdoc />
    public void SetLevel(int coreId, int interruptId, bool level)
    {
        if (interruptId < 32)
        {
            if (privates[coreId][interruptId].Level == level)
                return;
            privates[coreId][interruptId].Level = level;
            if (privates[coreId][interruptId].EdgeTriggered && level)
                privates[coreId][interruptId].PendingLatch = true;
            Update(coreId);
        }
        else
        {
            ref var s = ref shared[interruptId - 32];
            if (s.Level == level)
                return;
            s.Level = level;
            if (s.EdgeTriggered && level)
                s.PendingLatch = true;
            UpdateAll();
        }
    }

    /// <summary>True when the interrupt is active on the given core's view (private) or globally (SPI), for tests and the validator.</summary>
    public bool IsActive(int coreId, int interruptId) => State(coreId, interruptId).Active;

    /// <summary>True when the interrupt is pending on the given core's view (private) or globally (SPI).</summary>
    public bool IsPending(int coreId, int interruptId) => State(coreId, interruptId).Pending;

    private ref InterruptState State(int coreId, int interruptId) =>
        ref interruptId < 32 ? ref privates[coreId][interruptId] : ref shared[interruptId - 32];

    private bool GroupEnabledInDistributor(bool group1) =>
        (distributorControl & (group1 ? GicDistributorControl.EnableGroup1 : GicDistributorControl.EnableGroup0)) != 0;

    /// <summary>The affinity value (Aff3.Aff2.Aff1.Aff0 packed as in GICD_IROUTER) of a core: Aff0 = id mod 16, Aff1 = id / 16, as QEMU virt assigns.</summary>
    public static ulong AffinityOf(int coreId) => (uint)(coreId % 16) | ((uint)(coreId / 16) << 8);

    private bool RoutedTo(in InterruptState s, int coreId) =>
        (s.Route & GicRoute.InterruptRoutingMode) != 0 ? coreId == 0 : (s.Route & GicRoute.AffinityMask) == AffinityOf(coreId);

    /// <summary>The highest-priority pending, enabled, inactive interrupt for a core, ignoring masks at the CPU interface; -1 if none.</summary>
    private int HighestPending(int coreId, out byte priority)
    {
        var best = -1;
        priority = 0xFF;
        var local = privates[coreId];
        for (var id = 0; id < 32; id++)
            Consider(in local[id], id, ref best, ref priority);
        for (var i = 0; i < shared.Length; i++)
        {
            if (shared[i].Enabled && RoutedTo(in shared[i], coreId))
                Consider(in shared[i], i + 32, ref best, ref priority);
        }
        return best;
    }

    private void Consider(in InterruptState s, int id, ref int best, ref byte priority)
    {
        if (!s.Enabled || !s.Pending || s.Active || !GroupEnabledInDistributor(s.Group1))
            return;
        var p = CpuInterface.Mask(s.Priority);
        if (best < 0 || p < priority)
        {
            best = id;
            priority = p;
        }
    }

    private void UpdateAll()
    {
        for (var c = 0; c < CoreCount; c++)
            Update(c);
    }

    /// <summary>Recomputes core <paramref name="coreId"/>'s physical and virtual lines and signals its sink on a change.</summary>
    private void Update(int coreId)
    {
        var maintenance = MaintenanceStatus(coreId) != 0 && (cpus[coreId].Virtual.Control & IchHcr.Enable) != 0;
        if (privates[coreId][PlatformMap.GicMaintenanceInterrupt].Level != maintenance)
            privates[coreId][PlatformMap.GicMaintenanceInterrupt].Level = maintenance;

        var irq = false;
        var fiq = false;
        var id = HighestPending(coreId, out var priority);
        var cpu = cpus[coreId];
        if (id >= 0 && priority < cpu.PriorityMask && priority < cpu.RunningPriority)
        {
            var group1 = State(coreId, id).Group1;
            irq = group1 && cpu.Group1Enabled;
            fiq = !group1 && cpu.Group0Enabled;
        }
        var (virtualIrq, virtualFiq) = VirtualLines(coreId);
        var lines = (irq, fiq, virtualIrq, virtualFiq);
        if (lines == lastLines[coreId] || sinks[coreId] is not { } sink)
            return;
        lastLines[coreId] = lines;
        sink.SetPhysicalInterrupt(irq, fiq);
        sink.SetVirtualInterrupt(virtualIrq, virtualFiq);
        if (irq || fiq || virtualIrq || virtualFiq)
            sink.Wake();
    }
}

/// <summary>Drives interrupt lines into the interrupt controller: timers drive PPIs, devices drive SPIs.</summary>
public interface IInterruptLines
{
    /// <summary>Sets the level of <paramref name="interruptId"/>; for PPIs and SGIs <paramref name="coreId"/> selects the redistributor.</summary>
    void SetLevel(int coreId, int interruptId, bool level);
}

/// <summary>GICD_CTLR bits with a single security state.</summary>
internal static class GicDistributorControl
{
    public const uint EnableGroup0 = 1 << 0;
    public const uint EnableGroup1 = 1 << 1;
    public const uint AffinityRoutingEnable = 1 << 4;
    public const uint DisableSecurity = 1 << 6;
}

/// <summary>GICD_IROUTER fields.</summary>
internal static class GicRoute
{
    public const ulong InterruptRoutingMode = 1UL << 31;
    public const ulong AffinityMask = 0xFF_0000_0000 | 0xFF_FFFF;
}
