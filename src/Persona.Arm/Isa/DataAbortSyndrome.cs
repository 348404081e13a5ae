namespace Persona.Arm.Isa;

/// <summary>The instruction-specific half of a data abort's ISS (ISV, SAS, SSE, SRT, SF, AR), derived from the faulting word.</summary>
/// <remarks>Valid (ISV=1) only for single general-register loads and stores without writeback, including LDR (literal),
/// LDTR/STTR and LDAR/STLR, as QEMU reports them; pairs, exclusives, atomics and writeback forms give 0. Computing it from the
/// word at fault time keeps the per-access fast path free of syndrome bookkeeping.</remarks>
public static class DataAbortSyndrome
{
    private const ulong Valid = 1UL << 24;

    /// <summary>The ISS bits [24:14] for a stage-2 data abort taken to EL2 by this instruction word.</summary>
    public static ulong For(uint word)
    {
        var f = new MemoryOperands(word);
        return Decoder.Decode(word) switch
        {
            InstructionId.StoreUnsignedOffset or InstructionId.LoadUnsignedOffset => Single(f.Size, false, f.Rt, f.Size == 3, false),
            InstructionId.LoadSignedUnsignedOffset or InstructionId.LoadStoreRegisterOffset => ByOpc(f.Size, f.Opc, f.Rt),
            // The decoder gives plain STUR/LDUR and their pre/post forms ids of their own; unscaled (0) and unprivileged (2) are single accesses.
            InstructionId.LoadStoreImmediate9 or InstructionId.StoreImmediate9 or InstructionId.LoadImmediate9 when f.Imm9Mode is 0 or 2
                => ByOpc(f.Size, f.Opc, f.Rt),
            InstructionId.LdrLiteral32 => Single(2, false, f.Rt, false, false),
            InstructionId.LdrLiteral64 => Single(3, false, f.Rt, true, false),
            InstructionId.LdrswLiteral => Single(2, true, f.Rt, true, false),
            InstructionId.LoadAcquire or InstructionId.StoreRelease => Single(f.Size, false, f.Rt, f.Size == 3, true),
            _ => 0,
        };
    }

    private static ulong ByOpc(int size, int opc, int rt) => opc switch
    {
        0 or 1 => Single(size, false, rt, size == 3, false),
        2 when size < 3 => Single(size, true, rt, true, false),
        3 when size < 2 => Single(size, true, rt, false, false),
        _ => 0,
    };

    private static ulong Single(int size, bool signExtend, int rt, bool sixtyFourBitRegister, bool acquireRelease) =>
        Valid | ((ulong)size << 22) | (signExtend ? 1UL << 21 : 0) | ((ulong)rt << 16)
        | (sixtyFourBitRegister ? 1UL << 15 : 0) | (acquireRelease ? 1UL << 14 : 0);
}
