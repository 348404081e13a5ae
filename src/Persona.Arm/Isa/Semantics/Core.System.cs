using Persona.Arm.Isa;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>Semantics of hints (WFI, WFE, SEV), barriers, PSTATE writes, FP/SIMD access traps, and the SYS cache and AT operations.</summary>
public sealed partial class Core
{
    private const ulong WfxSyndromeBase = (1UL << 24) | (0xEUL << 20);

    // WFI/WFE trap checks: EL0 by SCTLR_EL1.nTWI/nTWE to EL1, then EL0/EL1 by HCR_EL2.TWI/TWE to EL2. True when trapped.
    private bool WaitTrapTaken(bool isWfe)
    {
        var sctlrBit = isWfe ? SctlrBits.nTWE : SctlrBits.nTWI;
        var hcr = Hcr;
        if (exceptionLevel == 0 && (hcr & (ulong)HcrBits.TGE) == 0 && (systemRegisters[(int)SystemRegister.SctlrEl1] & (ulong)sctlrBit) == 0)
        {
            TakeSynchronous(ExceptionClass.WfxTrap, WfxSyndromeBase | (isWfe ? 1UL : 0UL), 1, instructionPc);
            return true;
        }
        if (exceptionLevel < 2 && (hcr & (ulong)(isWfe ? HcrBits.TWE : HcrBits.TWI)) != 0)
        {
            TakeSynchronous(ExceptionClass.WfxTrap, WfxSyndromeBase | (isWfe ? 1UL : 0UL), 2, instructionPc);
            return true;
        }
        return false;
    }

    // WFI completes at once when a wake-up event is pending (QEMU then does not trap either); otherwise it traps or sleeps.
    private void ExecuteWfi()
    {
        if (WakeUpEventPending() || WaitTrapTaken(isWfe: false))
            return;
        IsWaitingForInterrupt = true;
        RequestAttention();
    }

    private void ExecuteWfe()
    {
        if (eventRegister)
        {
            eventRegister = false;
            return;
        }
        if (WaitTrapTaken(isWfe: true))
            return;
        waitingForEvent = true;
        RequestAttention();
    }

    private void ExecuteSev()
    {
        eventRegister = true;
        Interconnect?.SendEvent(this);
    }

    private void ExecuteMsrImmediate(uint word)
    {
        var f = new SystemOperands(word);
        switch ((f.Op1, f.Op2))
        {
            case (0, 5) when exceptionLevel > 0:
                spSelect = (f.CRm & 1) != 0;
                return;
            case (3, 6 or 7):
                if (exceptionLevel == 0 && (systemRegisters[(int)SystemRegister.SctlrEl1] & (ulong)SctlrBits.UMA) == 0)
                {
                    TakeSynchronous(ExceptionClass.SystemRegisterTrap, SystemAccessSyndrome(word, false), DefaultTargetLevel(), instructionPc);
                    return;
                }
                var bits = (ulong)f.CRm << 6;
                daif = f.Op2 == 6 ? daif | bits : daif & ~bits;
                RequestAttention();
                return;
            default:
                Undefined();
                return;
        }
    }

    private void ExecuteFpSimd()
    {
        if (!FpAccessTrapTaken())
            Undefined();
    }

    // SYS: cache maintenance (CRn 7), address translation (CRn 7, CRm 8) and TLB maintenance (CRn 8).
    private void ExecuteSys(uint word)
    {
        var f = new SystemOperands(word);
        var operation = (f.Op1, f.CRn, f.CRm, f.Op2);
        var hcr = (HcrBits)Hcr;
        switch (operation)
        {
            case (0, 7, 1, 0) or (0, 7, 5, 0):
                if (SysTrapped(word, minimumLevel: 1, HcrBits.TPU))
                    return;
                codeCache.InvalidateAll();
                ForgetFetchPage();
                return;
            case (3, 7, 5, 1):
                if (SysTrapped(word, minimumLevel: 0, HcrBits.TPU, SctlrBits.UCI))
                    return;
                InvalidateCodeAt(ReadX(f.Rt));
                return;
            case (0, 7, 6, 1):
                SysTrapped(word, minimumLevel: 1, HcrBits.TPC);
                return;
            case (0, 7, 6, 2) or (0, 7, 10, 2) or (0, 7, 14, 2):
                SysTrapped(word, minimumLevel: 1, HcrBits.TSW);
                return;
            case (3, 7, 10, 1) or (3, 7, 14, 1):
                SysTrapped(word, minimumLevel: 0, HcrBits.TPC, SctlrBits.UCI);
                return;
            case (3, 7, 11, 1):
                SysTrapped(word, minimumLevel: 0, HcrBits.TPU, SctlrBits.UCI);
                return;
            case (3, 7, 4, 1):
                if (!SysTrapped(word, minimumLevel: 0, HcrBits.TDZ, SctlrBits.DZE))
                    ZeroBlock(ReadX(f.Rt));
                return;
            case (0, 7, 8, _) when f.Op2 < 4:
                if (!SysTrapped(word, minimumLevel: 1, HcrBits.None))
                    AddressTranslate(ReadX(f.Rt), el2Regime: false, stage1Only: true, user: f.Op2 >= 2, write: (f.Op2 & 1) != 0);
                return;
            case (4, 7, 8, _) when f.Op2 is not (2 or 3):
                if (!SysTrapped(word, minimumLevel: 2, HcrBits.None))
                    AddressTranslate(ReadX(f.Rt), el2Regime: f.Op2 < 2, stage1Only: f.Op2 < 2, user: f.Op2 >= 6, write: (f.Op2 & 1) != 0);
                return;
            case (0, 8, 3 or 7, _):
                if (!SysTrapped(word, minimumLevel: 1, HcrBits.TTLB))
                    ExecuteTlbiEl1(f, broadcast: f.CRm == 3 || (exceptionLevel == 1 && (hcr & HcrBits.FB) != 0));
                return;
            case (4, 8, 0 or 3 or 4 or 7, _):
                if (!SysTrapped(word, minimumLevel: 2, HcrBits.None))
                    ExecuteTlbiEl2(f, broadcast: f.CRm is 0 or 3);
                return;
            default:
                Undefined();
                return;
        }
    }

    // The common checks of a SYS operation: EL (undefined below it), EL0 enable in SCTLR_EL1, then the HCR_EL2 trap. True when an exception was taken.
    private bool SysTrapped(uint word, int minimumLevel, HcrBits hypervisorTrap, SctlrBits el0Enable = SctlrBits.None)
    {
        if (exceptionLevel < minimumLevel || (exceptionLevel == 0 && minimumLevel == 0 && el0Enable == SctlrBits.None))
        {
            Undefined();
            return true;
        }
        if (exceptionLevel == 0 && (systemRegisters[(int)SystemRegister.SctlrEl1] & (ulong)el0Enable) == 0)
        {
            TakeSynchronous(ExceptionClass.SystemRegisterTrap, SystemAccessSyndrome(word, false), DefaultTargetLevel(), instructionPc);
            return true;
        }
        if (exceptionLevel < 2 && hypervisorTrap != HcrBits.None && (Hcr & (ulong)hypervisorTrap) != 0)
        {
            TakeSynchronous(ExceptionClass.SystemRegisterTrap, SystemAccessSyndrome(word, false), 2, instructionPc);
            return true;
        }
        return false;
    }

    private void InvalidateCodeAt(ulong va)
    {
        if (TryTranslateQuietly(va, AccessKind.Read, out var physicalAddress) && ram.Contains(physicalAddress, 1))
            codeCache.InvalidatePage((int)((physicalAddress - ram.Base) >> 12));
        else
            codeCache.InvalidateAll();
        ForgetFetchPage();
    }

    // DC ZVA: zeroes the 64-byte block (DCZID_EL0.BS = 4) containing the address, as a store.
    private void ZeroBlock(ulong va)
    {
        var block = va & ~63UL;
        for (var i = 0UL; i < 64; i += 8)
        {
            if (!TryWrite(block + i, 8, 0))
                return;
        }
    }
}
