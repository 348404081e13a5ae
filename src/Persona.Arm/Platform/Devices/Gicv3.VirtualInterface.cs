namespace Persona.Arm.Platform.Devices;

public sealed partial class Gicv3
{
    // ICH_VTR_EL2 as QEMU reports it for cortex-a57: PRIbits = 5, PREbits = 5, IDbits = 24, SEIS = 0, A3V, nV4, TDS, 4 list registers.
    private const ulong VgicType = 0x90B8_0000 | (VirtualInterface.ListRegisterCount - 1);

    private bool TryReadHypervisor(int coreId, GicSystemRegister register, out ulong value)
    {
        var v = cpus[coreId].Virtual;
        value = register switch
        {
            GicSystemRegister.IchAp0r0El2 => v.ActivePriorities0,
            GicSystemRegister.IchAp1r0El2 => v.ActivePriorities1,
            GicSystemRegister.IchHcrEl2 => v.Control,
            GicSystemRegister.IchVtrEl2 => VgicType,
            GicSystemRegister.IchMisrEl2 => MaintenanceStatus(coreId),
            GicSystemRegister.IchEisrEl2 => EndOfInterruptStatus(v),
            GicSystemRegister.IchElrsrEl2 => EmptyListRegisters(v),
            GicSystemRegister.IchVmcrEl2 => v.MachineControl,
            >= GicSystemRegister.IchLr0El2 and <= GicSystemRegister.IchLr3El2 => v.ListRegisters[register - GicSystemRegister.IchLr0El2],
            _ => 0,
        };
        return true;
    }

    private bool TryWriteHypervisor(int coreId, GicSystemRegister register, ulong value)
    {
        var v = cpus[coreId].Virtual;
        switch (register)
        {
            case GicSystemRegister.IchAp0r0El2:
                v.ActivePriorities0 = (uint)value;
                break;
            case GicSystemRegister.IchAp1r0El2:
                v.ActivePriorities1 = (uint)value;
                break;
            case GicSystemRegister.IchHcrEl2:
                v.Control = value & 0xF800_7CFF;
                break;
            case GicSystemRegister.IchVmcrEl2:
                v.MachineControl = (value & 0xFFFC_0217) | IchVmcr.VirtualFiqEnable;
                break;
            case >= GicSystemRegister.IchLr0El2 and <= GicSystemRegister.IchLr3El2:
                v.ListRegisters[register - GicSystemRegister.IchLr0El2] = value;
                break;
        }
        Update(coreId);
        return true;
    }

    private bool TryReadVirtual(int coreId, GicSystemRegister register, out ulong value)
    {
        var v = cpus[coreId].Virtual;
        var vmcr = v.MachineControl;
        value = register switch
        {
            GicSystemRegister.IccPmrEl1 => (vmcr >> IchVmcr.PriorityMaskShift) & 0xFF,
            GicSystemRegister.IccIar0El1 => VirtualAcknowledge(coreId, group1: false),
            GicSystemRegister.IccIar1El1 => VirtualAcknowledge(coreId, group1: true),
            GicSystemRegister.IccHppir0El1 => VirtualHighestPendingId(v, group1: false),
            GicSystemRegister.IccHppir1El1 => VirtualHighestPendingId(v, group1: true),
            GicSystemRegister.IccBpr0El1 => (vmcr >> IchVmcr.BinaryPoint0Shift) & 7,
            GicSystemRegister.IccBpr1El1 => (vmcr >> IchVmcr.BinaryPoint1Shift) & 7,
            GicSystemRegister.IccAp0r0El1 => v.ActivePriorities0,
            GicSystemRegister.IccAp1r0El1 => v.ActivePriorities1,
            GicSystemRegister.IccRprEl1 => CpuInterface.RunningFrom(v.ActivePriorities0 | v.ActivePriorities1),
            GicSystemRegister.IccCtlrEl1 => ControlReadOnlyFields
                | ((vmcr & IchVmcr.EoiMode) != 0 ? ControlEoiMode : 0)
                | ((vmcr & IchVmcr.CommonBinaryPoint) != 0 ? ControlCommonBinaryPoint : 0),
            GicSystemRegister.IccIgrpen0El1 => vmcr & IchVmcr.EnableGroup0,
            GicSystemRegister.IccIgrpen1El1 => (vmcr & IchVmcr.EnableGroup1) >> 1,
            _ => 0,
        };
        return true;
    }

    private bool TryWriteVirtual(int coreId, GicSystemRegister register, ulong value)
    {
        var v = cpus[coreId].Virtual;
        switch (register)
        {
            case GicSystemRegister.IccPmrEl1:
                SetVmcrField(v, IchVmcr.PriorityMaskShift, 0xFF, CpuInterface.Mask((byte)value));
                break;
            case GicSystemRegister.IccEoir0El1 or GicSystemRegister.IccEoir1El1:
                VirtualEndOfInterrupt(coreId, (int)(value & 0xFF_FFFF));
                break;
            case GicSystemRegister.IccDirEl1:
                VirtualDeactivate(coreId, (int)(value & 0xFF_FFFF));
                break;
            case GicSystemRegister.IccBpr0El1:
                SetVmcrField(v, IchVmcr.BinaryPoint0Shift, 7, value & 7);
                break;
            case GicSystemRegister.IccBpr1El1:
                SetVmcrField(v, IchVmcr.BinaryPoint1Shift, 7, value & 7);
                break;
            case GicSystemRegister.IccAp0r0El1:
                v.ActivePriorities0 = (uint)value;
                break;
            case GicSystemRegister.IccAp1r0El1:
                v.ActivePriorities1 = (uint)value;
                break;
            case GicSystemRegister.IccCtlrEl1:
                SetVmcrField(v, 9, 1, (value & ControlEoiMode) != 0 ? 1UL : 0);
                SetVmcrField(v, 4, 1, value & ControlCommonBinaryPoint);
                break;
            case GicSystemRegister.IccIgrpen0El1:
                SetVmcrField(v, 0, 1, value & 1);
                break;
            case GicSystemRegister.IccIgrpen1El1:
                SetVmcrField(v, 1, 1, value & 1);
                break;
        }
        Update(coreId);
        return true;
    }

    private static void SetVmcrField(VirtualInterface v, int shift, ulong mask, ulong field) =>
        v.MachineControl = (v.MachineControl & ~(mask << shift)) | ((field & mask) << shift);

    private static byte ListPriority(ulong lr) => CpuInterface.Mask((byte)(lr >> IchLr.PriorityShift));

    /// <summary>The list register holding the highest-priority pending virtual interrupt of an enabled group that may preempt; -1 if none.</summary>
    private static int VirtualHighestPending(VirtualInterface v, bool checkMasks)
    {
        var best = -1;
        var bestPriority = 0xFF;
        for (var n = 0; n < VirtualInterface.ListRegisterCount; n++)
        {
            var lr = v.ListRegisters[n];
            if ((lr & IchLr.StateMask) != IchLr.Pending)
                continue;
            var group1 = (lr & IchLr.Group1) != 0;
            if ((v.MachineControl & (group1 ? IchVmcr.EnableGroup1 : IchVmcr.EnableGroup0)) == 0)
                continue;
            var priority = ListPriority(lr);
            if (best < 0 || priority < bestPriority)
            {
                best = n;
                bestPriority = priority;
            }
        }
        if (best < 0 || !checkMasks)
            return best;
        var mask = (v.MachineControl >> IchVmcr.PriorityMaskShift) & 0xFF;
        var running = CpuInterface.RunningFrom(v.ActivePriorities0 | v.ActivePriorities1);
        return (v.Control & IchHcr.Enable) != 0 && (ulong)bestPriority < mask && bestPriority < running ? best : -1;
    }

    private static ulong VirtualHighestPendingId(VirtualInterface v, bool group1)
    {
        var n = VirtualHighestPending(v, checkMasks: false);
        return n >= 0 && ((v.ListRegisters[n] & IchLr.Group1) != 0) == group1 ? v.ListRegisters[n] & 0xFF_FFFF : SpuriousInterrupt;
    }

    private (bool Irq, bool Fiq) VirtualLines(int coreId)
    {
        var v = cpus[coreId].Virtual;
        var n = VirtualHighestPending(v, checkMasks: true);
        if (n < 0)
            return (false, false);
        var group1 = (v.ListRegisters[n] & IchLr.Group1) != 0;
        return (group1, !group1);
    }

    private ulong VirtualAcknowledge(int coreId, bool group1)
    {
        var v = cpus[coreId].Virtual;
        var n = VirtualHighestPending(v, checkMasks: true);
        if (n < 0 || ((v.ListRegisters[n] & IchLr.Group1) != 0) != group1)
            return SpuriousInterrupt;
        ref var lr = ref v.ListRegisters[n];
        lr = (lr & ~IchLr.StateMask) | IchLr.Active;
        if (group1)
            v.ActivePriorities1 |= CpuInterface.ActiveBit(ListPriority(lr));
        else
            v.ActivePriorities0 |= CpuInterface.ActiveBit(ListPriority(lr));
        Update(coreId);
        return lr & 0xFF_FFFF;
    }

    private void VirtualEndOfInterrupt(int coreId, int virtualId)
    {
        var v = cpus[coreId].Virtual;
        var all = v.ActivePriorities0 | v.ActivePriorities1;
        var dropped = all & ~CpuInterface.DropHighest(all);
        v.ActivePriorities0 &= ~dropped;
        v.ActivePriorities1 &= ~dropped;
        if ((v.MachineControl & IchVmcr.EoiMode) == 0)
            VirtualDeactivate(coreId, virtualId);
    }

    /// <summary>Deactivates the list register holding <paramref name="virtualId"/>; with HW=1 also the physical interrupt; without a match, counts in EOIcount.</summary>
    private void VirtualDeactivate(int coreId, int virtualId)
    {
        var v = cpus[coreId].Virtual;
        for (var n = 0; n < VirtualInterface.ListRegisterCount; n++)
        {
            ref var lr = ref v.ListRegisters[n];
            if ((lr & IchLr.Active) == 0 || (long)(lr & IchLr.VirtualIdMask) != virtualId)
                continue;
            lr &= ~IchLr.Active;
            if ((lr & IchLr.Hardware) != 0)
                Deactivate(coreId, (int)((lr >> IchLr.PhysicalIdShift) & IchLr.PhysicalIdMask));
            return;
        }
        var count = ((v.Control & IchHcr.EoiCountMask) >> IchHcr.EoiCountShift) + 1;
        v.Control = (v.Control & ~IchHcr.EoiCountMask) | ((count << IchHcr.EoiCountShift) & IchHcr.EoiCountMask);
    }

    private static ulong EmptyListRegisters(VirtualInterface v)
    {
        ulong bits = 0;
        for (var n = 0; n < VirtualInterface.ListRegisterCount; n++)
        {
            var lr = v.ListRegisters[n];
            if ((lr & IchLr.StateMask) == 0 && ((lr & IchLr.Hardware) != 0 || (lr & IchLr.EoiMaintenance) == 0))
                bits |= 1UL << n;
        }
        return bits;
    }

    private static ulong EndOfInterruptStatus(VirtualInterface v)
    {
        ulong bits = 0;
        for (var n = 0; n < VirtualInterface.ListRegisterCount; n++)
        {
            var lr = v.ListRegisters[n];
            if ((lr & IchLr.StateMask) == 0 && (lr & IchLr.Hardware) == 0 && (lr & IchLr.EoiMaintenance) != 0)
                bits |= 1UL << n;
        }
        return bits;
    }

    /// <summary>ICH_MISR_EL2: which maintenance conditions hold.</summary>
    private ulong MaintenanceStatus(int coreId)
    {
        var v = cpus[coreId].Virtual;
        var hcr = v.Control;
        var vmcr = v.MachineControl;
        var valid = 0;
        var pending = 0;
        foreach (var lr in v.ListRegisters)
        {
            if ((lr & IchLr.StateMask) != 0)
                valid++;
            if ((lr & IchLr.Pending) != 0)
                pending++;
        }
        ulong misr = 0;
        if (EndOfInterruptStatus(v) != 0)
            misr |= 1 << 0;
        if ((hcr & IchHcr.UnderflowInterruptEnable) != 0 && valid <= 1)
            misr |= 1 << 1;
        if ((hcr & IchHcr.ListEntryNotPresentInterruptEnable) != 0 && (hcr & IchHcr.EoiCountMask) != 0)
            misr |= 1 << 2;
        if ((hcr & IchHcr.NoPendingInterruptEnable) != 0 && pending == 0)
            misr |= 1 << 3;
        var group0 = (vmcr & IchVmcr.EnableGroup0) != 0;
        var group1 = (vmcr & IchVmcr.EnableGroup1) != 0;
        if ((hcr & IchHcr.VirtualGroup0EnabledInterruptEnable) != 0 && group0)
            misr |= 1 << 4;
        if ((hcr & IchHcr.VirtualGroup0DisabledInterruptEnable) != 0 && !group0)
            misr |= 1 << 5;
        if ((hcr & IchHcr.VirtualGroup1EnabledInterruptEnable) != 0 && group1)
            misr |= 1 << 6;
        if ((hcr & IchHcr.VirtualGroup1DisabledInterruptEnable) != 0 && !group1)
            misr |= 1 << 7;
        return misr;
    }
}
