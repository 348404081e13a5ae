using Persona.Arm.Contracts;

namespace Persona.Arm.Cpu;

/// <summary>MRS/MSR: the access checks (EL, SCTLR_EL1 EL0 controls, HCR_EL2 trap groups, FP traps), the core's own registers, and the platform's devices.</summary>
public sealed partial class Core
{
    /// <summary>Reads a system register as EL2 would, without traps: for the hypervisor and tests.</summary>
    /// <exception cref="ArgumentException">No core register or platform device implements the key.</exception>
    public ulong ReadSystemRegister(SystemRegisterKey key)
    {
        if (SystemRegisterTable.TryFind(key, out var definition))
            return ReadOwned(definition.Register, asLevel: 2);
        var access = new SystemRegisterAccess(CoreId, 2, Hcr, key, retiredInSlice);
        foreach (var device in systemRegisterDevices)
        {
            if (device.TryRead(access, out var value))
                return value;
        }
        throw new ArgumentException($"system register {key} is implemented by neither the core nor a platform device", nameof(key));
    }

    /// <summary>Writes a system register as EL2 would, without traps: for the hypervisor and tests.</summary>
    /// <exception cref="ArgumentException">No core register or platform device implements the key.</exception>
    public void WriteSystemRegister(SystemRegisterKey key, ulong value)
    {
        if (SystemRegisterTable.TryFind(key, out var definition))
        {
            WriteOwned(definition.Register, value);
            return;
        }
        var access = new SystemRegisterAccess(CoreId, 2, Hcr, key, retiredInSlice);
        foreach (var device in systemRegisterDevices)
        {
            if (device.TryWrite(access, value))
                return;
        }
        throw new ArgumentException($"system register {key} is implemented by neither the core nor a platform device", nameof(key));
    }

    /// <summary>Reads a core-owned register by name, as EL2 would.</summary>
    public ulong ReadSystemRegister(SystemRegister register) => ReadOwned(register, asLevel: 2);

    /// <summary>Writes a core-owned register by name, as EL2 would.</summary>
    public void WriteSystemRegister(SystemRegister register, ulong value) => WriteOwned(register, value);

    // MRS (isRead) or MSR (register) for the current instruction.
    private void AccessSystemRegister(uint word, bool isRead)
    {
        var fields = new Isa.SystemOperands(word);
        var key = new SystemRegisterKey(fields.PackedKey);
        var minimumLevel = fields.Op1 switch { 3 => 0, 4 => 2, 5 or 6 or 7 => 3, _ => 1 };
        if (exceptionLevel < minimumLevel)
        {
            Undefined();
            return;
        }
        var owned = SystemRegisterTable.TryFind(key, out var definition);
        var traits = owned ? definition!.Traits
            : IsReservedIdRegister(key) ? SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3 : SystemRegisterTraits.None;
        if ((traits & SystemRegisterTraits.FloatingPoint) != 0 && FpAccessTrapTaken())
            return;
        if (exceptionLevel == 0 && El0AccessTrapped(owned ? definition!.Register : null, isRead, out var undefined))
        {
            if (undefined)
                Undefined();
            else
                TakeSynchronous(ExceptionClass.SystemRegisterTrap, SystemAccessSyndrome(word, isRead), DefaultTargetLevel(), instructionPc);
            return;
        }
        if (exceptionLevel < 2 && HypervisorTrapsAccess(traits, isRead))
        {
            TakeSynchronous(ExceptionClass.SystemRegisterTrap, SystemAccessSyndrome(word, isRead), 2, instructionPc);
            return;
        }
        var rt = fields.Rt;
        if (owned || IsReservedIdRegister(key))
        {
            if ((isRead && (traits & SystemRegisterTraits.WriteOnly) != 0) || (!isRead && (traits & SystemRegisterTraits.ReadOnly) != 0))
            {
                Undefined();
                return;
            }
            if (owned && definition!.Register is SystemRegister.SpEl0 && !spSelect)
            {
                Undefined();
                return;
            }
            if (isRead)
                WriteX(rt, owned ? ReadOwned(definition!.Register, exceptionLevel) : 0);
            else
                WriteOwned(definition!.Register, x[rt]);
            return;
        }
        var access = new SystemRegisterAccess(CoreId, exceptionLevel, Hcr, key, retiredInSlice);
        foreach (var device in systemRegisterDevices)
        {
            if (exceptionLevel < 2 && device.TrapLevel(access, isRead) is { } trapLevel)
            {
                TakeSynchronous(ExceptionClass.SystemRegisterTrap, SystemAccessSyndrome(word, isRead), trapLevel, instructionPc);
                return;
            }
        }
        foreach (var device in systemRegisterDevices)
        {
            if (isRead && device.TryRead(access, out var value))
            {
                WriteX(rt, value);
                return;
            }
            if (!isRead && device.TryWrite(access, x[rt]))
                return;
        }
        Undefined();
    }

    // The reserved ID space op0=3, op1=0, CRn=0, CRm=1..7 reads as zero (Arm ARM) and is in the TID3 group.
    private static bool IsReservedIdRegister(SystemRegisterKey key)
    {
        var packed = key.Packed;
        var crm = (packed >> 3) & 15;
        return (packed >> 14) == 3 && ((packed >> 11) & 7) == 0 && ((packed >> 7) & 15) == 0 && crm is >= 1 and <= 7;
    }

    // EL0 access to EL0-accessible registers, controlled by SCTLR_EL1 (UMA for DAIF, UCT for CTR_EL0) and TPIDRRO being read-only.
    private bool El0AccessTrapped(SystemRegister? register, bool isRead, out bool undefined)
    {
        undefined = false;
        var sctlr = systemRegisters[(int)SystemRegister.SctlrEl1];
        switch (register)
        {
            case SystemRegister.Daif:
                return (sctlr & (ulong)SctlrBits.UMA) == 0;
            case SystemRegister.CtrEl0:
                return (sctlr & (ulong)SctlrBits.UCT) == 0;
            case SystemRegister.TpidrroEl0 when !isRead:
                undefined = true;
                return true;
            default:
                return false;
        }
    }

    private bool HypervisorTrapsAccess(SystemRegisterTraits traits, bool isRead)
    {
        var hcr = (HcrBits)Hcr;
        return ((traits & SystemRegisterTraits.VirtualMemory) != 0 && (hcr & (isRead ? HcrBits.TRVM : HcrBits.TVM)) != 0)
            || ((traits & SystemRegisterTraits.IdGroup3) != 0 && (hcr & HcrBits.TID3) != 0)
            || ((traits & SystemRegisterTraits.IdGroup2) != 0 && (hcr & HcrBits.TID2) != 0)
            || ((traits & SystemRegisterTraits.IdGroup1) != 0 && (hcr & HcrBits.TID1) != 0)
            || ((traits & SystemRegisterTraits.AuxiliaryControl) != 0 && (hcr & HcrBits.TACR) != 0);
    }

    /// <summary>The ISS of EC 0x18: Op0, Op2, Op1, CRn, Rt, CRm and the direction (1 = read).</summary>
    private static ulong SystemAccessSyndrome(uint word, bool isRead)
    {
        var f = new Isa.SystemOperands(word);
        return ((ulong)f.Op0 << 20) | ((ulong)f.Op2 << 17) | ((ulong)f.Op1 << 14) | ((ulong)f.CRn << 10)
            | ((ulong)f.Rt << 5) | ((ulong)f.CRm << 1) | (isRead ? 1UL : 0UL);
    }

    /// <summary>Checks the FP/SIMD access traps (CPACR_EL1.FPEN to EL1, then CPTR_EL2.TFP to EL2); true when one was taken.</summary>
    private bool FpAccessTrapTaken()
    {
        const ulong FpTrapSyndrome = (1UL << 24) | (0xEUL << 20);
        var tge = (Hcr & (ulong)HcrBits.TGE) != 0;
        if (exceptionLevel < 2 && !(exceptionLevel == 0 && tge))
        {
            var fpen = (systemRegisters[(int)SystemRegister.CpacrEl1] >> 20) & 3;
            var trapped = exceptionLevel == 0 ? fpen != 3 : (fpen & 1) == 0;
            if (trapped)
            {
                TakeSynchronous(ExceptionClass.FpAccessTrap, FpTrapSyndrome, 1, instructionPc);
                return true;
            }
        }
        if ((systemRegisters[(int)SystemRegister.CptrEl2] & (1UL << 10)) != 0)
        {
            TakeSynchronous(ExceptionClass.FpAccessTrap, FpTrapSyndrome, 2, instructionPc);
            return true;
        }
        return false;
    }

    private ulong ReadOwned(SystemRegister register, int asLevel) => register switch
    {
        SystemRegister.MidrEl1 when asLevel < 2 => systemRegisters[(int)SystemRegister.VpidrEl2],
        SystemRegister.MpidrEl1 when asLevel < 2 => systemRegisters[(int)SystemRegister.VmpidrEl2],
        SystemRegister.SpEl0 => stackPointers[0],
        SystemRegister.SpEl1 => stackPointers[1],
        SystemRegister.SpSel => spSelect ? 1UL : 0UL,
        SystemRegister.CurrentEl => (ulong)exceptionLevel << 2,
        SystemRegister.Nzcv => nzcv,
        SystemRegister.Daif => daif,
        SystemRegister.DczidEl0 => systemRegisters[(int)register] | (DcZvaProhibited(asLevel) ? DczidProhibitedBit : 0),
        _ => systemRegisters[(int)register],
    };

    // DCZID_EL0.DZP reads 1 where DC ZVA would trap: at EL0 without SCTLR_EL1.DZE, below EL2 under HCR_EL2.TDZ.
    private const ulong DczidProhibitedBit = 1UL << 4;

    private bool DcZvaProhibited(int level) =>
        (level == 0 && (systemRegisters[(int)SystemRegister.SctlrEl1] & (ulong)SctlrBits.DZE) == 0)
        || (level < 2 && (Hcr & (ulong)HcrBits.TDZ) != 0);

    private void WriteOwned(SystemRegister register, ulong value)
    {
        switch (register)
        {
            case SystemRegister.SpEl0:
                stackPointers[0] = value;
                return;
            case SystemRegister.SpEl1:
                stackPointers[1] = value;
                return;
            case SystemRegister.SpSel:
                spSelect = (value & 1) != 0;
                return;
            case SystemRegister.Nzcv:
                nzcv = (uint)(value & (ulong)PstateBits.Nzcv);
                return;
            case SystemRegister.Daif:
                daif = value & (ulong)PstateBits.Daif;
                RequestAttention();
                return;
            case SystemRegister.CurrentEl:
                return;
            case SystemRegister.OslarEl1:
                var oslsr = systemRegisters[(int)SystemRegister.OslsrEl1];
                systemRegisters[(int)SystemRegister.OslsrEl1] = (oslsr & ~2UL) | ((value & 1) << 1);
                return;
            case SystemRegister.VbarEl1 or SystemRegister.VbarEl2:
                systemRegisters[(int)register] = value & ~0x7FFUL;
                return;
        }
        systemRegisters[(int)register] = value;
        switch (register)
        {
            case SystemRegister.HcrEl2:
                OnTranslationControlChanged();
                RequestAttention();
                break;
            case SystemRegister.SctlrEl1 or SystemRegister.SctlrEl2 or SystemRegister.TcrEl1 or SystemRegister.TcrEl2
                or SystemRegister.Ttbr0El1 or SystemRegister.Ttbr1El1 or SystemRegister.Ttbr0El2
                or SystemRegister.VttbrEl2 or SystemRegister.VtcrEl2:
                OnTranslationControlChanged();
                break;
        }
    }
}
