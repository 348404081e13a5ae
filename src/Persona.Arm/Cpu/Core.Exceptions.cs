using Persona.Arm.Contracts;

namespace Persona.Arm.Cpu;

/// <summary>Exception entry and return, exactly as the Arm ARM describes them for AArch64 EL0–EL2 without EL3.</summary>
public sealed partial class Core
{
    private const ulong InstructionLength32 = 1UL << 25;

    /// <summary>The EL a synchronous exception from the current EL goes to when nothing routes it elsewhere: EL1 from EL0 (EL2 with HCR_EL2.TGE), else the current EL.</summary>
    private int DefaultTargetLevel() =>
        exceptionLevel switch
        {
            0 => (Hcr & (ulong)HcrBits.TGE) != 0 ? 2 : 1,
            _ => exceptionLevel,
        };

    private ulong Hcr => systemRegisters[(int)SystemRegister.HcrEl2];

    /// <summary>Raises the undefined-instruction exception (EC 0x00) for the current instruction.</summary>
    private void Undefined() => TakeSynchronous(ExceptionClass.Unknown, 0, DefaultTargetLevel(), instructionPc);

    /// <summary>Takes a synchronous exception with the given class and ISS (IL=1), writing FAR when the class has one.</summary>
    private void TakeSynchronous(ExceptionClass exceptionClass, ulong iss, int targetLevel, ulong returnAddress,
        ulong? faultAddress = null, ulong? intermediateAddress = null)
    {
        var syndrome = ((ulong)exceptionClass << 26) | InstructionLength32 | (iss & 0x1FF_FFFF);
        EnterException(ExceptionKind.Synchronous, targetLevel, syndrome, returnAddress, faultAddress, intermediateAddress);
    }

    /// <summary>Enters an exception: saves PSTATE and the return address, writes the syndrome registers, and jumps to the vector (or runs the <see cref="El2Handler"/>).</summary>
    private void EnterException(ExceptionKind kind, int targetLevel, ulong syndrome, ulong returnAddress, ulong? faultAddress, ulong? intermediateAddress)
    {
        var fromLevel = exceptionLevel;
        var savedPstate = ReadPstate();
        SystemRegister elr, spsr, esr, far, vbar;
        if (targetLevel == 2)
            (elr, spsr, esr, far, vbar) = (SystemRegister.ElrEl2, SystemRegister.SpsrEl2, SystemRegister.EsrEl2, SystemRegister.FarEl2, SystemRegister.VbarEl2);
        else
            (elr, spsr, esr, far, vbar) = (SystemRegister.ElrEl1, SystemRegister.SpsrEl1, SystemRegister.EsrEl1, SystemRegister.FarEl1, SystemRegister.VbarEl1);
        systemRegisters[(int)elr] = returnAddress;
        systemRegisters[(int)spsr] = savedPstate;
        if (kind is ExceptionKind.Synchronous or ExceptionKind.SError)
            systemRegisters[(int)esr] = syndrome;
        if (faultAddress is { } va)
            systemRegisters[(int)far] = va;
        var hpfar = 0UL;
        if (targetLevel == 2 && intermediateAddress is { } ipa)
        {
            hpfar = HpfarFor(ipa);
            systemRegisters[(int)SystemRegister.HpfarEl2] = hpfar;
        }
        var offset = fromLevel < targetLevel ? 0x400UL : spSelect ? 0x200UL : 0UL;
        var vector = (systemRegisters[(int)vbar] & ~0x7FFUL) + offset + ((ulong)kind * 0x80);
        exceptionLevel = targetLevel;
        spSelect = true;
        daif = (ulong)PstateBits.Daif;
        illegalState = false;
        pc = vector;
        ClearExclusiveMonitor();
        OnTranslationControlChanged();
        RequestAttention();
        var record = new ExceptionRecord(CoreId, kind, fromLevel, targetLevel,
            kind is ExceptionKind.Synchronous or ExceptionKind.SError ? syndrome : 0,
            faultAddress ?? 0, hpfar,
            returnAddress, savedPstate, vector);
        ExceptionObserver?.OnExceptionTaken(record);
        if (targetLevel == 2 && El2Handler is { } handler)
        {
            handler.HandleException(this, record);
            ExceptionReturn();
        }
    }

    /// <summary>HPFAR_EL2 for a faulting IPA: FIPA (bits [43:4]) holds IPA[51:12]; the page offset is not recorded.</summary>
    private static ulong HpfarFor(ulong ipa) => ((ipa >> 12) & HpfarFipaMask) << 4;

    // FIPA is 40 bits wide (IPA[51:12]); the bits above it in HPFAR_EL2 are RES0 (NS is for EL3, which is absent).
    private const ulong HpfarFipaMask = (1UL << 40) - 1;

    /// <summary>ERET: restores PC and PSTATE from ELR/SPSR of the current EL; an illegal return sets PSTATE.IL instead of changing EL.</summary>
    private void ExceptionReturn()
    {
        var (elr, spsrRegister) = exceptionLevel == 2
            ? (SystemRegister.ElrEl2, SystemRegister.SpsrEl2)
            : (SystemRegister.ElrEl1, SystemRegister.SpsrEl1);
        var spsr = systemRegisters[(int)spsrRegister];
        var target = systemRegisters[(int)elr];
        var mode = (int)(spsr & 0x1F);
        var targetLevel = (mode >> 2) & 3;
        var legal = (mode & 0x10) == 0                       // AArch32 is not implemented
            && targetLevel <= exceptionLevel
            && targetLevel != 3
            && (mode & 2) == 0                                // M[1] is reserved
            && !(targetLevel == 0 && (mode & 1) != 0)         // EL0 has no SPx
            && !(targetLevel == 1 && (Hcr & (ulong)HcrBits.TGE) != 0);
        nzcv = (uint)(spsr & (ulong)PstateBits.Nzcv);
        daif = spsr & (ulong)PstateBits.Daif;
        if (legal)
        {
            exceptionLevel = targetLevel;
            spSelect = (mode & 1) != 0;
            illegalState = (spsr & (ulong)PstateBits.IL) != 0;
        }
        else
        {
            illegalState = true;
        }
        pc = target;
        ClearExclusiveMonitor();
        OnTranslationControlChanged();
        RequestAttention();
    }
}
