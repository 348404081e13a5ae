using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>The step loop: fetch through the decoded-instruction cache, dispatch, and service attention requests.</summary>
public sealed partial class Core
{
    private const ulong NoFetchPage = 0xFFFF_FFFF_FFFF_F000;
    private static readonly ulong[] EmptyFetchPage = new ulong[DecodedCodeCache.SlotsPerPage];

    // The page the PC is executing from: its VA, its decoded slots and its offset in RAM. Reset on any translation change.
    private ulong fetchPageVa = NoFetchPage;
    private ulong[] fetchPage = EmptyFetchPage;
    private long fetchPageHostOffset;
    private int fetchPageIndex;

    // The address of the instruction being executed (pc already points past it).
    private ulong instructionPc;

    // Instructions retired in the running slice before the current one, as of the last instruction outside the hot switch
    // (every MRS/MSR is); the platform's clock counts a slice only when it ends, so counter reads add this. 0 between slices.
    private ulong retiredInSlice;

    // Set whenever something may need handling between instructions: interrupts, WFI/WFE, stop, power, illegal state.
    private bool attention;
    private bool stopRequested;
    private bool waitingForEvent;

    /// <summary>Runs up to <paramref name="maxInstructions"/> instructions, stopping early on WFI, WFE, power-off or a stop request.</summary>
    // Never inlined into a caller, so that the step loop is compiled as its own method with its own inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public StepResult Run(int maxInstructions)
    {
        var executed = 0;
        var reason = StopReason.BudgetExhausted;
        while (executed < maxInstructions)
        {
            if (attention && HandleAttention(ref reason))
            {
                InstructionsRetired += (ulong)executed;
                retiredInSlice = 0;
                return new StepResult(executed, reason);
            }
            var current = pc;
            var offset = current - fetchPageVa;
            ulong slot;
            if ((offset & ~0xFFCUL) != 0 || (slot = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(fetchPage), (nint)(offset >> 2))) == 0)
            {
                executed++;
                if (!TryFetchSlow(current, out slot))
                    continue;
            }
            else
            {
                executed++;
            }
            instructionPc = current;
            pc = current + 4;
            Execute(slot, executed);
        }
        InstructionsRetired += (ulong)executed;
        retiredInSlice = 0;
        if (attention)
            HandleAttention(ref reason);
        return new StepResult(executed, reason);
    }

    /// <summary>Marks that the step loop must look at interrupts and run state before the next instruction.</summary>
    private void RequestAttention() => attention = true;

    // True when Run must return (reason set); false to go on executing.
    private bool HandleAttention(ref StopReason reason)
    {
        attention = false;
        if (!IsPoweredOn)
        {
            attention = true;
            reason = StopReason.PoweredOff;
            return true;
        }
        if (stopRequested)
        {
            stopRequested = false;
            // An interrupt raised by the same instruction (a timer set to an expired deadline) must still be looked at next run.
            attention = true;
            reason = StopReason.StopRequested;
            return true;
        }
        if (IsWaitingForInterrupt)
        {
            if (!WakeUpEventPending())
            {
                attention = true;
                reason = StopReason.WaitingForInterrupt;
                return true;
            }
            IsWaitingForInterrupt = false;
        }
        if (waitingForEvent)
        {
            waitingForEvent = false;
            reason = StopReason.WaitingForEvent;
            return true;
        }
        if (TryTakePendingInterrupt())
            return false;
        if (illegalState)
        {
            instructionPc = pc;
            TakeSynchronous(ExceptionClass.IllegalState, 0, DefaultTargetLevel(), pc);
        }
        return false;
    }

    // The slow fetch path: a new page (translate, check, find its decoded slots) or an empty slot (decode). False when an exception was taken.
    private bool TryFetchSlow(ulong va, out ulong slot)
    {
        slot = 0;
        instructionPc = va;
        if ((va & 3) != 0)
        {
            TakeSynchronous(ExceptionClass.PcAlignment, 0, DefaultTargetLevel(), va, faultAddress: va);
            return false;
        }
        if (va - fetchPageVa >= 4096 || ReferenceEquals(fetchPage, EmptyFetchPage))
        {
            if (!TryTranslate(va, AccessKind.Execute, exceptionLevel == 0, out var hostOffset))
                return false;
            if (hostOffset < 0)
            {
                RaiseExternalAbort(va, AccessKind.Execute);
                return false;
            }
            fetchPageHostOffset = hostOffset & ~0xFFFL;
            fetchPageIndex = (int)(fetchPageHostOffset >> 12);
            fetchPage = codeCache.PageForExecution(fetchPageIndex);
            fetchPageVa = va & ~0xFFFUL;
        }
        var index = (int)((va - fetchPageVa) >> 2);
        slot = fetchPage[index];
        if (slot == 0)
        {
            var word = BinaryPrimitives.ReadUInt32LittleEndian(ramBytes.AsSpan((int)(fetchPageHostOffset + (index << 2)), 4));
            slot = DecodedCodeCache.Decode(word);
            fetchPage[index] = slot;
            codeCache.HoldsCode[fetchPageIndex] = 1;
        }
        return true;
    }

    // Forgets the current fetch page so the next fetch translates again (after any change to translation or the TLB).
    private void ForgetFetchPage()
    {
        fetchPageVa = NoFetchPage;
        fetchPage = EmptyFetchPage;
        ForgetFastTlb();
    }
}
