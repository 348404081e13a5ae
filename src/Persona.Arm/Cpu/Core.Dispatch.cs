using System.Runtime.CompilerServices;
using Persona.Arm.Isa;

namespace Persona.Arm.Cpu;

/// <summary>The dispatch from a decoded slot's <see cref="InstructionId"/> to its semantics: a hot switch inlined into the step loop, the rest behind one call.</summary>
/// <remarks>The JIT stops inlining into a method once its inlining budget is spent, in IL order, so one big switch inlined
/// into the loop left some hot handlers as calls, and which ones varied with each process's profile (85 or 137 MIPS on
/// the same loop). Keeping the inlined switch to the instructions compiled code executes most, and every other
/// instruction behind one non-inlined call, makes the hot path the same in every process.</remarks>
public sealed partial class Core
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Execute(ulong slot, int executed)
    {
        var word = (uint)slot;
        switch ((InstructionId)(slot >> 32))
        {
            case InstructionId.AddImmediate: ExecuteAddSubImmediate(word, subtract: false, setFlags: false); break;
            case InstructionId.AddsImmediate: ExecuteAddSubImmediate(word, subtract: false, setFlags: true); break;
            case InstructionId.SubImmediate: ExecuteAddSubImmediate(word, subtract: true, setFlags: false); break;
            case InstructionId.SubsImmediate: ExecuteAddSubImmediate(word, subtract: true, setFlags: true); break;
            case InstructionId.AndShifted: ExecuteLogicalShifted(word, LogicalOperation.And); break;
            case InstructionId.OrrShifted: ExecuteLogicalShifted(word, LogicalOperation.Or); break;
            case InstructionId.EorShifted: ExecuteLogicalShifted(word, LogicalOperation.ExclusiveOr); break;
            case InstructionId.AddShifted: ExecuteAddSubShifted(word, subtract: false, setFlags: false); break;
            case InstructionId.SubShifted: ExecuteAddSubShifted(word, subtract: true, setFlags: false); break;
            case InstructionId.SubsShifted: ExecuteAddSubShifted(word, subtract: true, setFlags: true); break;
            case InstructionId.B: ExecuteBranchImmediate(word, link: false); break;
            case InstructionId.Bl: ExecuteBranchImmediate(word, link: true); break;
            case InstructionId.BCond: ExecuteBranchConditional(word); break;
            case InstructionId.Cbz: ExecuteCompareAndBranch(word, branchIfNonZero: false); break;
            case InstructionId.Cbnz: ExecuteCompareAndBranch(word, branchIfNonZero: true); break;
            case InstructionId.Br or InstructionId.Ret: ExecuteBranchRegister(word, link: false); break;
            case InstructionId.StoreUnsignedOffset: ExecuteStoreUnsignedOffset(word); break;
            case InstructionId.LoadUnsignedOffset: ExecuteLoadUnsignedOffset(word); break;
            case InstructionId.StoreImmediate9: ExecuteStoreImmediate9(word); break;
            case InstructionId.LoadImmediate9: ExecuteLoadImmediate9(word); break;
            case InstructionId.Adrp: ExecuteAdrp(word); break;
            case InstructionId.AndImmediate: ExecuteLogicalImmediate(word, LogicalOperation.And); break;
            case InstructionId.OrrImmediate: ExecuteLogicalImmediate(word, LogicalOperation.Or); break;
            case InstructionId.EorImmediate: ExecuteLogicalImmediate(word, LogicalOperation.ExclusiveOr); break;
            case InstructionId.AndsImmediate: ExecuteLogicalImmediate(word, LogicalOperation.AndSetFlags); break;
            case InstructionId.Movn or InstructionId.Movz or InstructionId.Movk: ExecuteMoveWide(word, (InstructionId)(slot >> 32)); break;
            case InstructionId.Sbfm or InstructionId.Bfm or InstructionId.Ubfm: ExecuteBitfield(word, (InstructionId)(slot >> 32)); break;
            case InstructionId.ConditionalSelect: ExecuteConditionalSelect(word); break;
            case InstructionId.Tbz: ExecuteTestAndBranch(word, branchIfOne: false); break;
            case InstructionId.Tbnz: ExecuteTestAndBranch(word, branchIfOne: true); break;
            case InstructionId.Blr: ExecuteBranchRegister(word, link: true); break;
            case InstructionId.StorePair: ExecuteLoadStorePair(word, isLoad: false); break;
            case InstructionId.LoadPair: ExecuteLoadStorePair(word, isLoad: true); break;
            case InstructionId.LoadStoreRegisterOffset: ExecuteLoadStoreRegisterOffset(word); break;
            default: ExecuteOther(slot, executed); break;
        }
    }

    // Every instruction not in the hot switch; kept out of line so that its handlers do not spend the loop's inlining budget.
    // It records how far into the slice the core is (this instruction excluded), for exact counter reads by MRS.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExecuteOther(ulong slot, int executed)
    {
        retiredInSlice = (ulong)(executed - 1);
        var word = (uint)slot;
        switch ((InstructionId)(slot >> 32))
        {
            case InstructionId.Adr: ExecuteAdr(word); break;
            case InstructionId.Extr: ExecuteExtr(word); break;
            case InstructionId.AndsShifted: ExecuteLogicalShifted(word, LogicalOperation.AndSetFlags); break;
            case InstructionId.AddsShifted: ExecuteAddSubShifted(word, subtract: false, setFlags: true); break;
            case InstructionId.AddSubExtended: ExecuteAddSubExtended(word); break;
            case InstructionId.AddSubCarry: ExecuteAddSubCarry(word); break;
            case InstructionId.ConditionalCompareRegister: ExecuteConditionalCompare(word, immediate: false); break;
            case InstructionId.ConditionalCompareImmediate: ExecuteConditionalCompare(word, immediate: true); break;
            case InstructionId.DataProcessing2Source: ExecuteDataProcessing2Source(word); break;
            case InstructionId.DataProcessing1Source: ExecuteDataProcessing1Source(word); break;
            case InstructionId.DataProcessing3Source: ExecuteDataProcessing3Source(word); break;
            case InstructionId.Eret: ExecuteEret(); break;
            case InstructionId.Svc: ExecuteSvc(word); break;
            case InstructionId.Hvc: ExecuteHvc(word); break;
            case InstructionId.Smc: ExecuteSmc(word); break;
            case InstructionId.Brk: ExecuteBrk(word); break;
            case InstructionId.Wfi: ExecuteWfi(); break;
            case InstructionId.Wfe: ExecuteWfe(); break;
            case InstructionId.Sev: ExecuteSev(); break;
            case InstructionId.Sevl: eventRegister = true; break;
            case InstructionId.Hint or InstructionId.Dsb or InstructionId.Dmb or InstructionId.Isb: break;
            case InstructionId.Clrex: ClearExclusiveMonitor(); break;
            case InstructionId.MsrImmediate: ExecuteMsrImmediate(word); break;
            case InstructionId.Sys: ExecuteSys(word); break;
            case InstructionId.MsrRegister: AccessSystemRegister(word, isRead: false); break;
            case InstructionId.Mrs: AccessSystemRegister(word, isRead: true); break;
            case InstructionId.LdrLiteral32 or InstructionId.LdrLiteral64 or InstructionId.LdrswLiteral: ExecuteLoadLiteral(word, (InstructionId)(slot >> 32)); break;
            case InstructionId.PrfmLiteral: break;
            case InstructionId.StoreExclusive: ExecuteStoreExclusive(word); break;
            case InstructionId.LoadExclusive: ExecuteLoadExclusive(word); break;
            case InstructionId.StoreExclusivePair: ExecuteStoreExclusivePair(word); break;
            case InstructionId.LoadExclusivePair: ExecuteLoadExclusivePair(word); break;
            case InstructionId.StoreRelease: ExecuteStoreRelease(word); break;
            case InstructionId.LoadAcquire: ExecuteLoadAcquire(word); break;
            case InstructionId.CompareAndSwap: ExecuteCompareAndSwap(word); break;
            case InstructionId.CompareAndSwapPair: ExecuteCompareAndSwapPair(word); break;
            case InstructionId.AtomicMemoryOperation: ExecuteAtomicMemoryOperation(word); break;
            case InstructionId.Swap: ExecuteSwap(word); break;
            case InstructionId.LoadSignedUnsignedOffset: ExecuteLoadSignedUnsignedOffset(word); break;
            case InstructionId.FpSimd or InstructionId.FpSimdLoadStore: ExecuteFpSimd(); break;
            case InstructionId.LoadStoreImmediate9: ExecuteLoadStoreImmediate9(word); break;
            default: Undefined(); break;
        }
    }
}
