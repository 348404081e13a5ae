namespace Persona.Arm.Isa;

/// <summary>The one A64 instruction table: every encoding the interpreter implements, as bit patterns, in priority order.</summary>
/// <remarks>Each pattern is 32 characters, bit 31 first; '0' and '1' must match and 'x' is don't-care. The first matching
/// row wins, so specific rows (WFI) precede general ones (HINT). A word no row matches is <see cref="InstructionId.Undefined"/>.
/// Reserved field values inside a matched row (e.g. a bad bitmask immediate) are rejected by the row's semantics.</remarks>
public static class InstructionTable
{
    private const InstructionGroup Alu = InstructionGroup.Alu;
    private const InstructionGroup Mem = InstructionGroup.Memory;
    private const InstructionGroup Br = InstructionGroup.Branch;
    private const InstructionGroup Sys = InstructionGroup.System;
    private const InstructionGroup Fp = InstructionGroup.FpSimd;

    /// <summary>All rows, in match order.</summary>
    public static IReadOnlyList<InstructionRow> Rows { get; } =
    [
        // Data processing, immediate.
        new("0xx10000xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Adr, Alu, OperandForm.PcRelative),
        new("1xx10000xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Adrp, Alu, OperandForm.PcRelative),
        new("x00100010xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.AddImmediate, Alu, OperandForm.AddSubImmediate),
        new("x01100010xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.AddsImmediate, Alu, OperandForm.AddSubImmediate),
        new("x10100010xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.SubImmediate, Alu, OperandForm.AddSubImmediate),
        new("x11100010xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.SubsImmediate, Alu, OperandForm.AddSubImmediate),
        new("x00100100xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.AndImmediate, Alu, OperandForm.BitmaskImmediate),
        new("x01100100xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.OrrImmediate, Alu, OperandForm.BitmaskImmediate),
        new("x10100100xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.EorImmediate, Alu, OperandForm.BitmaskImmediate),
        new("x11100100xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.AndsImmediate, Alu, OperandForm.BitmaskImmediate),
        new("x00100101xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Movn, Alu, OperandForm.WideImmediate),
        new("x10100101xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Movz, Alu, OperandForm.WideImmediate),
        new("x11100101xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Movk, Alu, OperandForm.WideImmediate),
        new("x00100110xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Sbfm, Alu, OperandForm.BitmaskImmediate),
        new("x01100110xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Bfm, Alu, OperandForm.BitmaskImmediate),
        new("x10100110xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Ubfm, Alu, OperandForm.BitmaskImmediate),
        new("x00100111x0xxxxxxxxxxxxxxxxxxxxx", InstructionId.Extr, Alu, OperandForm.Registers),

        // Data processing, register.
        new("x0001010xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.AndShifted, Alu, OperandForm.Registers),
        new("x0101010xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.OrrShifted, Alu, OperandForm.Registers),
        new("x1001010xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.EorShifted, Alu, OperandForm.Registers),
        new("x1101010xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.AndsShifted, Alu, OperandForm.Registers),
        new("x0001011xx0xxxxxxxxxxxxxxxxxxxxx", InstructionId.AddShifted, Alu, OperandForm.Registers),
        new("x0101011xx0xxxxxxxxxxxxxxxxxxxxx", InstructionId.AddsShifted, Alu, OperandForm.Registers),
        new("x1001011xx0xxxxxxxxxxxxxxxxxxxxx", InstructionId.SubShifted, Alu, OperandForm.Registers),
        new("x1101011xx0xxxxxxxxxxxxxxxxxxxxx", InstructionId.SubsShifted, Alu, OperandForm.Registers),
        new("xxx01011001xxxxxxxxxxxxxxxxxxxxx", InstructionId.AddSubExtended, Alu, OperandForm.Registers),
        new("xxx11010000xxxxx000000xxxxxxxxxx", InstructionId.AddSubCarry, Alu, OperandForm.Registers),
        new("xx111010010xxxxxxxxx00xxxxx0xxxx", InstructionId.ConditionalCompareRegister, Alu, OperandForm.Conditional),
        new("xx111010010xxxxxxxxx10xxxxx0xxxx", InstructionId.ConditionalCompareImmediate, Alu, OperandForm.Conditional),
        new("xx011010100xxxxxxxxx0xxxxxxxxxxx", InstructionId.ConditionalSelect, Alu, OperandForm.Conditional),
        new("x0011010110xxxxxxxxxxxxxxxxxxxxx", InstructionId.DataProcessing2Source, Alu, OperandForm.Registers),
        new("x101101011000000xxxxxxxxxxxxxxxx", InstructionId.DataProcessing1Source, Alu, OperandForm.Registers),
        new("x0011011xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.DataProcessing3Source, Alu, OperandForm.Registers),

        // Branches, exception generation and return.
        new("000101xxxxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.B, Br, OperandForm.BranchImmediate),
        new("100101xxxxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Bl, Br, OperandForm.BranchImmediate),
        new("01010100xxxxxxxxxxxxxxxxxxx0xxxx", InstructionId.BCond, Br, OperandForm.BranchImmediate),
        new("x0110100xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Cbz, Br, OperandForm.BranchImmediate),
        new("x0110101xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Cbnz, Br, OperandForm.BranchImmediate),
        new("x0110110xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Tbz, Br, OperandForm.BranchImmediate),
        new("x0110111xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.Tbnz, Br, OperandForm.BranchImmediate),
        new("1101011000011111000000xxxxx00000", InstructionId.Br, Br, OperandForm.BranchRegister),
        new("1101011000111111000000xxxxx00000", InstructionId.Blr, Br, OperandForm.BranchRegister),
        new("1101011001011111000000xxxxx00000", InstructionId.Ret, Br, OperandForm.BranchRegister),
        new("11010110100111110000001111100000", InstructionId.Eret, Br, OperandForm.None),
        new("11010100000xxxxxxxxxxxxxxxx00001", InstructionId.Svc, Br, OperandForm.ExceptionImmediate),
        new("11010100000xxxxxxxxxxxxxxxx00010", InstructionId.Hvc, Br, OperandForm.ExceptionImmediate),
        new("11010100000xxxxxxxxxxxxxxxx00011", InstructionId.Smc, Br, OperandForm.ExceptionImmediate),
        new("11010100001xxxxxxxxxxxxxxxx00000", InstructionId.Brk, Br, OperandForm.ExceptionImmediate),
        new("11010100010xxxxxxxxxxxxxxxx00000", InstructionId.Hlt, Br, OperandForm.ExceptionImmediate),

        // System: hints, barriers, PSTATE, system instructions and registers.
        new("11010101000000110010000001111111", InstructionId.Wfi, Sys, OperandForm.None),
        new("11010101000000110010000001011111", InstructionId.Wfe, Sys, OperandForm.None),
        new("11010101000000110010000010011111", InstructionId.Sev, Sys, OperandForm.None),
        new("11010101000000110010000010111111", InstructionId.Sevl, Sys, OperandForm.None),
        new("11010101000000110010xxxxxxx11111", InstructionId.Hint, Sys, OperandForm.None),
        new("11010101000000110011xxxx01011111", InstructionId.Clrex, Sys, OperandForm.None),
        new("11010101000000110011xxxx10011111", InstructionId.Dsb, Sys, OperandForm.None),
        new("11010101000000110011xxxx10111111", InstructionId.Dmb, Sys, OperandForm.None),
        new("11010101000000110011xxxx11011111", InstructionId.Isb, Sys, OperandForm.None),
        new("1101010100000xxx0100xxxxxxx11111", InstructionId.MsrImmediate, Sys, OperandForm.SystemRegister),
        new("1101010100001xxxxxxxxxxxxxxxxxxx", InstructionId.Sys, Sys, OperandForm.SystemRegister),
        new("110101010001xxxxxxxxxxxxxxxxxxxx", InstructionId.MsrRegister, Sys, OperandForm.SystemRegister),
        new("110101010011xxxxxxxxxxxxxxxxxxxx", InstructionId.Mrs, Sys, OperandForm.SystemRegister),

        // Loads and stores.
        new("00011000xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.LdrLiteral32, Mem, OperandForm.LoadStore),
        new("01011000xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.LdrLiteral64, Mem, OperandForm.LoadStore),
        new("10011000xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.LdrswLiteral, Mem, OperandForm.LoadStore),
        new("11011000xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.PrfmLiteral, Mem, OperandForm.LoadStore),
        new("xx001000000xxxxxxxxxxxxxxxxxxxxx", InstructionId.StoreExclusive, Mem, OperandForm.LoadStoreExclusive),
        new("xx001000010xxxxxxxxxxxxxxxxxxxxx", InstructionId.LoadExclusive, Mem, OperandForm.LoadStoreExclusive),
        new("1x001000001xxxxxxxxxxxxxxxxxxxxx", InstructionId.StoreExclusivePair, Mem, OperandForm.LoadStoreExclusive),
        new("1x001000011xxxxxxxxxxxxxxxxxxxxx", InstructionId.LoadExclusivePair, Mem, OperandForm.LoadStoreExclusive),
        new("0x0010000x1xxxxxx11111xxxxxxxxxx", InstructionId.CompareAndSwapPair, Mem, OperandForm.LoadStoreExclusive),
        new("xx001000100xxxxx1xxxxxxxxxxxxxxx", InstructionId.StoreRelease, Mem, OperandForm.LoadStoreExclusive),
        new("xx001000110xxxxx1xxxxxxxxxxxxxxx", InstructionId.LoadAcquire, Mem, OperandForm.LoadStoreExclusive),
        new("xx0010001x1xxxxxx11111xxxxxxxxxx", InstructionId.CompareAndSwap, Mem, OperandForm.LoadStoreExclusive),
        new("xx111000xx1xxxxx0xxx00xxxxxxxxxx", InstructionId.AtomicMemoryOperation, Mem, OperandForm.LoadStoreExclusive),
        new("xx111000xx1xxxxx100000xxxxxxxxxx", InstructionId.Swap, Mem, OperandForm.LoadStoreExclusive),
        new("xx10100xx0xxxxxxxxxxxxxxxxxxxxxx", InstructionId.StorePair, Mem, OperandForm.LoadStorePair),
        new("xx10100xx1xxxxxxxxxxxxxxxxxxxxxx", InstructionId.LoadPair, Mem, OperandForm.LoadStorePair),
        new("xx11100100xxxxxxxxxxxxxxxxxxxxxx", InstructionId.StoreUnsignedOffset, Mem, OperandForm.LoadStore),
        new("xx11100101xxxxxxxxxxxxxxxxxxxxxx", InstructionId.LoadUnsignedOffset, Mem, OperandForm.LoadStore),
        new("xx1110011xxxxxxxxxxxxxxxxxxxxxxx", InstructionId.LoadSignedUnsignedOffset, Mem, OperandForm.LoadStore),
        new("xx111000000xxxxxxxxx00xxxxxxxxxx", InstructionId.StoreImmediate9, Mem, OperandForm.LoadStore),
        new("xx111000000xxxxxxxxx01xxxxxxxxxx", InstructionId.StoreImmediate9, Mem, OperandForm.LoadStore),
        new("xx111000000xxxxxxxxx11xxxxxxxxxx", InstructionId.StoreImmediate9, Mem, OperandForm.LoadStore),
        new("xx111000010xxxxxxxxx00xxxxxxxxxx", InstructionId.LoadImmediate9, Mem, OperandForm.LoadStore),
        new("xx111000010xxxxxxxxx01xxxxxxxxxx", InstructionId.LoadImmediate9, Mem, OperandForm.LoadStore),
        new("xx111000010xxxxxxxxx11xxxxxxxxxx", InstructionId.LoadImmediate9, Mem, OperandForm.LoadStore),
        new("xx111000xx0xxxxxxxxx10xxxxxxxxxx", InstructionId.LoadStoreImmediate9, Mem, OperandForm.LoadStore),
        new("xx1110001x0xxxxxxxxx00xxxxxxxxxx", InstructionId.LoadStoreImmediate9, Mem, OperandForm.LoadStore),
        new("xx1110001x0xxxxxxxxx01xxxxxxxxxx", InstructionId.LoadStoreImmediate9, Mem, OperandForm.LoadStore),
        new("xx1110001x0xxxxxxxxx11xxxxxxxxxx", InstructionId.LoadStoreImmediate9, Mem, OperandForm.LoadStore),
        new("xx111000xx1xxxxxxxxx10xxxxxxxxxx", InstructionId.LoadStoreRegisterOffset, Mem, OperandForm.LoadStore),

        // FP and SIMD (trapped or undefined until implemented).
        new("xx11110xxxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.FpSimdLoadStore, Fp, OperandForm.None),
        new("xx10110xxxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.FpSimdLoadStore, Fp, OperandForm.None),
        new("xx011100xxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.FpSimdLoadStore, Fp, OperandForm.None),
        new("0x00110xxxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.FpSimdLoadStore, Fp, OperandForm.None),
        new("xxxx111xxxxxxxxxxxxxxxxxxxxxxxxx", InstructionId.FpSimd, Fp, OperandForm.None),
    ];
}

/// <summary>One row of the instruction table: the bit pattern and what the matching words are.</summary>
public sealed record InstructionRow
{
    /// <summary>Parses a 32-character pattern (bit 31 first) into a mask and value.</summary>
    public InstructionRow(string pattern, InstructionId id, InstructionGroup group, OperandForm form)
    {
        if (pattern.Length != 32)
            throw new ArgumentException($"instruction pattern for {id} has {pattern.Length} characters, expected 32", nameof(pattern));
        uint mask = 0, value = 0;
        foreach (var c in pattern)
        {
            mask <<= 1;
            value <<= 1;
            switch (c)
            {
                case '0': mask |= 1; break;
                case '1': mask |= 1; value |= 1; break;
                case 'x': break;
                default: throw new ArgumentException($"instruction pattern for {id} has '{c}'; only 0, 1 and x are allowed", nameof(pattern));
            }
        }
        Pattern = pattern;
        Mask = mask;
        Value = value;
        Id = id;
        Group = group;
        Form = form;
    }

    /// <summary>The pattern as written in the table.</summary>
    public string Pattern { get; }

    /// <summary>The bits that must match.</summary>
    public uint Mask { get; }

    /// <summary>The required values of the masked bits.</summary>
    public uint Value { get; }

    /// <summary>The instruction these words decode to.</summary>
    public InstructionId Id { get; }

    /// <summary>The semantics group implementing it.</summary>
    public InstructionGroup Group { get; }

    /// <summary>The operand layout.</summary>
    public OperandForm Form { get; }

    /// <summary>True when the word matches this row's pattern.</summary>
    public bool Matches(uint word) => (word & Mask) == Value;
}
