using Persona.Arm.Isa;

namespace Persona.Arm.Cpu;

/// <summary>Semantics of branches, exception generation (SVC, HVC, SMC, BRK, HLT) and ERET.</summary>
public sealed partial class Core
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteBranchImmediate(uint word, bool link)
    {
        if (link)
            x[30] = instructionPc + 4;
        pc = instructionPc + (ulong)new BranchOperands(word).Offset26;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteBranchConditional(uint word)
    {
        var f = new BranchOperands(word);
        if (ConditionHolds(f.Condition))
            pc = instructionPc + (ulong)f.Offset19;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteCompareAndBranch(uint word, bool branchIfNonZero)
    {
        var f = new BranchOperands(word);
        var value = f.Is64 ? ReadX(f.Rt) : (uint)ReadX(f.Rt);
        if ((value != 0) == branchIfNonZero)
            pc = instructionPc + (ulong)f.Offset19;
    }

    private void ExecuteTestAndBranch(uint word, bool branchIfOne)
    {
        var f = new BranchOperands(word);
        if ((((ReadX(f.Rt) >> f.TestBit) & 1) != 0) == branchIfOne)
            pc = instructionPc + (ulong)f.Offset14;
    }

    private void ExecuteBranchRegister(uint word, bool link)
    {
        var target = ReadX(new BranchOperands(word).Rn);
        if (link)
            x[30] = instructionPc + 4;
        pc = target;
    }

    private void ExecuteSvc(uint word) =>
        TakeSynchronous(ExceptionClass.Svc64, (ulong)new SystemOperands(word).Imm16, DefaultTargetLevel(), pc);

    // HVC is undefined at EL0 and when HCR_EL2.HCD disables it; otherwise it always goes to EL2 (there is no EL3).
    private void ExecuteHvc(uint word)
    {
        if (exceptionLevel == 0 || (Hcr & (ulong)HcrBits.HCD) != 0)
        {
            Undefined();
            return;
        }
        TakeSynchronous(ExceptionClass.Hvc64, (ulong)new SystemOperands(word).Imm16, 2, pc);
    }

    // SMC: undefined at EL0; trapped from EL1 by HCR_EL2.TSC (ELR = the SMC); otherwise the platform's firmware (PSCI) answers, or it is undefined.
    private void ExecuteSmc(uint word)
    {
        if (exceptionLevel == 0)
        {
            Undefined();
            return;
        }
        if (exceptionLevel == 1 && (Hcr & (ulong)HcrBits.TSC) != 0)
        {
            TakeSynchronous(ExceptionClass.Smc64, (ulong)new SystemOperands(word).Imm16, 2, instructionPc);
            return;
        }
        if (!platform.TryHandleFirmwareCall(CoreId, this, isSmc: true))
            Undefined();
    }

    private void ExecuteBrk(uint word) =>
        TakeSynchronous(ExceptionClass.Brk64, (ulong)new SystemOperands(word).Imm16, DefaultTargetLevel(), instructionPc);

    private void ExecuteEret()
    {
        if (exceptionLevel == 0)
        {
            Undefined();
            return;
        }
        ExceptionReturn();
    }
}
