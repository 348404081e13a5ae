using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

public sealed partial class Gicv3
{
    private const ulong HcrFmo = 1UL << 3;
    private const ulong HcrImo = 1UL << 4;
    private const ulong ControlEoiMode = 1 << 1;
    private const ulong ControlCommonBinaryPoint = 1 << 0;

    // ICC_CTLR_EL1 read-only fields: A3V, IDbits = 24 bits, PRIbits = 5 bits.
    private const ulong ControlReadOnlyFields = (1UL << 15) | (1UL << 11) | ((CpuInterface.PriorityBits - 1UL) << 8);

    /// <inheritdoc />
    public bool TryRead(SystemRegisterAccess access, out ulong value)
    {
        var register = (GicSystemRegister)access.Register.Packed;
        if (!Enum.IsDefined(register) || access.CoreId >= CoreCount)
        {
            value = 0;
            return false;
        }
        if (IsVirtualized(access, register))
            return TryReadVirtual(access.CoreId, register, out value);
        if (register >= GicSystemRegister.IchAp0r0El2 && register != GicSystemRegister.IccSreEl2)
            return TryReadHypervisor(access.CoreId, register, out value);
        var cpu = cpus[access.CoreId];
        value = register switch
        {
            GicSystemRegister.IccPmrEl1 => cpu.PriorityMask,
            GicSystemRegister.IccIar0El1 => Acknowledge(access.CoreId, group1: false),
            GicSystemRegister.IccIar1El1 => Acknowledge(access.CoreId, group1: true),
            GicSystemRegister.IccHppir0El1 => HighestPendingOfGroup(access.CoreId, group1: false),
            GicSystemRegister.IccHppir1El1 => HighestPendingOfGroup(access.CoreId, group1: true),
            GicSystemRegister.IccBpr0El1 => cpu.BinaryPoint0,
            GicSystemRegister.IccBpr1El1 => cpu.BinaryPoint1,
            GicSystemRegister.IccAp0r0El1 => cpu.ActivePriorities0,
            GicSystemRegister.IccAp1r0El1 => cpu.ActivePriorities1,
            GicSystemRegister.IccRprEl1 => cpu.RunningPriority,
            GicSystemRegister.IccCtlrEl1 => ControlReadOnlyFields | cpu.Control,
            GicSystemRegister.IccSreEl1 => cpu.SystemRegisterEnableEl1,
            GicSystemRegister.IccSreEl2 => cpu.SystemRegisterEnableEl2,
            GicSystemRegister.IccIgrpen0El1 => cpu.Group0Enabled ? 1UL : 0,
            GicSystemRegister.IccIgrpen1El1 => cpu.Group1Enabled ? 1UL : 0,
            _ => 0, // write-only registers (EOIR, DIR, SGI*R) read as zero
        };
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(SystemRegisterAccess access, ulong value)
    {
        var register = (GicSystemRegister)access.Register.Packed;
        if (!Enum.IsDefined(register) || access.CoreId >= CoreCount)
            return false;
        if (IsVirtualized(access, register))
            return TryWriteVirtual(access.CoreId, register, value);
        if (register >= GicSystemRegister.IchAp0r0El2 && register != GicSystemRegister.IccSreEl2)
            return TryWriteHypervisor(access.CoreId, register, value);
        var coreId = access.CoreId;
        var cpu = cpus[coreId];
        switch (register)
        {
            case GicSystemRegister.IccPmrEl1:
                cpu.PriorityMask = CpuInterface.Mask((byte)value);
                break;
            case GicSystemRegister.IccEoir0El1 or GicSystemRegister.IccEoir1El1:
                EndOfInterrupt(coreId, (int)(value & 0xFF_FFFF));
                break;
            case GicSystemRegister.IccDirEl1:
                Deactivate(coreId, (int)(value & 0xFF_FFFF));
                break;
            case GicSystemRegister.IccBpr0El1:
                cpu.BinaryPoint0 = (uint)value & 7;
                break;
            case GicSystemRegister.IccBpr1El1:
                cpu.BinaryPoint1 = (uint)value & 7;
                break;
            case GicSystemRegister.IccAp0r0El1:
                cpu.ActivePriorities0 = (uint)value;
                break;
            case GicSystemRegister.IccAp1r0El1:
                cpu.ActivePriorities1 = (uint)value;
                break;
            case GicSystemRegister.IccCtlrEl1:
                cpu.Control = (uint)(value & (ControlEoiMode | ControlCommonBinaryPoint));
                break;
            case GicSystemRegister.IccIgrpen0El1:
                cpu.Group0Enabled = (value & 1) != 0;
                break;
            case GicSystemRegister.IccIgrpen1El1:
                cpu.Group1Enabled = (value & 1) != 0;
                break;
            case GicSystemRegister.IccSgi0rEl1 or GicSystemRegister.IccSgi1rEl1 or GicSystemRegister.IccAsgi1rEl1:
                SendSoftwareInterrupt(coreId, value);
                break;
        }
        Update(coreId);
        return true;
    }

    /// <summary>True when an EL1/EL0 access to a CPU-interface register goes to ICV_* because HCR_EL2.IMO (group 1 and common) or FMO (group 0) is set.</summary>
    private static bool IsVirtualized(in SystemRegisterAccess access, GicSystemRegister register)
    {
        if (access.ExceptionLevel == 2 || register is GicSystemRegister.IccSreEl1 or GicSystemRegister.IccSreEl2 || register >= GicSystemRegister.IchAp0r0El2)
            return false;
        if (register is GicSystemRegister.IccSgi0rEl1 or GicSystemRegister.IccSgi1rEl1 or GicSystemRegister.IccAsgi1rEl1)
            return false;
        var group0 = register is GicSystemRegister.IccIar0El1 or GicSystemRegister.IccEoir0El1 or GicSystemRegister.IccHppir0El1
            or GicSystemRegister.IccBpr0El1 or GicSystemRegister.IccAp0r0El1 or GicSystemRegister.IccIgrpen0El1;
        return (access.HcrEl2 & (group0 ? HcrFmo : HcrImo)) != 0;
    }

    private ulong Acknowledge(int coreId, bool group1)
    {
        var cpu = cpus[coreId];
        var id = HighestPending(coreId, out var priority);
        if (id < 0 || priority >= cpu.PriorityMask || priority >= cpu.RunningPriority)
            return SpuriousInterrupt;
        ref var s = ref State(coreId, id);
        if (s.Group1 != group1 || !(group1 ? cpu.Group1Enabled : cpu.Group0Enabled))
            return SpuriousInterrupt;
        s.Active = true;
        s.PendingLatch = false;
        if (group1)
            cpu.ActivePriorities1 |= CpuInterface.ActiveBit(priority);
        else
            cpu.ActivePriorities0 |= CpuInterface.ActiveBit(priority);
        Update(coreId);
        return (ulong)id;
    }

    private ulong HighestPendingOfGroup(int coreId, bool group1)
    {
        var id = HighestPending(coreId, out _);
        return id >= 0 && State(coreId, id).Group1 == group1 ? (ulong)id : SpuriousInterrupt;
    }

    private void EndOfInterrupt(int coreId, int interruptId)
    {
        var cpu = cpus[coreId];
        var all = cpu.ActivePriorities0 | cpu.ActivePriorities1;
        var dropped = all & ~CpuInterface.DropHighest(all);
        cpu.ActivePriorities0 &= ~dropped;
        cpu.ActivePriorities1 &= ~dropped;
        if ((cpu.Control & ControlEoiMode) == 0)
            Deactivate(coreId, interruptId);
    }

    private void Deactivate(int coreId, int interruptId)
    {
        if (interruptId < InterruptCount)
            State(coreId, interruptId).Active = false;
        if (interruptId >= 32)
            UpdateAll();
    }

    private void SendSoftwareInterrupt(int coreId, ulong value)
    {
        var interruptId = (int)((value >> 24) & 0xF);
        var targets = value & 0xFFFF;
        var affinity1 = (value >> 16) & 0xFF;
        var toAllOthers = ((value >> 40) & 1) != 0;
        for (var target = 0; target < CoreCount; target++)
        {
            var selected = toAllOthers
                ? target != coreId
                : (ulong)(target / 16) == affinity1 && ((targets >> (target % 16)) & 1) != 0;
            if (!selected)
                continue;
            privates[target][interruptId].PendingLatch = true;
            Update(target);
        }
    }
}
