using FsCheck;
using FsCheck.Fluent;

namespace Persona.Arm.Tests.Differential;

/// <summary>FsCheck generators of A64 instruction text (for aarch64-linux-gnu-as) and of initial machine state.</summary>
/// <remarks>Data registers are x0–x24. x25 (index) and x26 (writeback/exclusive base) are set by the helper instruction
/// that precedes each use; x28 points at the middle of the sequence's 512-byte memory; x29/x30 belong to the harness.
/// Only architecturally defined behaviour is generated (no Rt == Rn writeback, no Rt == Rt2 loads, no unaligned exclusives).</remarks>
public static partial class InstructionGenerator
{
    // All sixteen conditions (AL and NV both mean "always"); CSET/CSETM take only the fourteen invertible ones.
    private static readonly string[] Conditions = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"];
    private static readonly string[] InvertibleConditions = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"];

    // (mnemonic, log2 size, uses an X register) for single-register loads and stores.
    private static readonly (string Op, int Size, bool X)[] LoadStoreForms =
    [
        ("ldr", 3, true), ("ldr", 2, false), ("ldrh", 1, false), ("ldrb", 0, false), ("ldrsw", 2, true),
        ("ldrsh", 1, true), ("ldrsh", 1, false), ("ldrsb", 0, true), ("ldrsb", 0, false),
        ("str", 3, true), ("str", 2, false), ("strh", 1, false), ("strb", 0, false),
    ];

    /// <summary>One sequence: 3–8 instructions (each possibly with a helper line), 28 initial registers, NZCV and 64 memory words.</summary>
    public static Gen<TestSequence> Sequence =>
        from count in Gen.Choose(3, 8)
        from instructions in Instruction.ArrayOf(count)
        from registers in Value.ArrayOf(28)
        from flags in Gen.Choose(0, 15)
        from memory in Value.ArrayOf(64)
        select new TestSequence(instructions, registers, (ulong)flags << 28, memory);

    /// <summary>A 64-bit value biased towards edge cases: 0, ±1, the sign boundaries of 32 and 64 bits, small and random values.</summary>
    public static Gen<ulong> Value => Gen.OneOf(
        Gen.Elements(0UL, 1UL, ulong.MaxValue, 0x7FFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL, 0xFFFF_FFFFUL, 0x8000_0000UL, 0x7FFF_FFFFUL, 0xFFFF_FFFF_8000_0000UL),
        Gen.Choose(-300, 300).Select(v => (ulong)(long)v),
        Random64,
        Random64,
        Random64.Select(v => v & 0xFFFF_FFFF));

    private static Gen<ulong> Random64 =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((ulong)(uint)high << 32) | (uint)low;

    private static Gen<int> DataRegister => Gen.Choose(0, 24);

    // Register 31 where the encoding reads it as the zero register (XZR/WZR): about one operand in eleven.
    private static Gen<int> DataOrZero => Gen.Frequency((10, DataRegister), (1, Gen.Constant(31)));

    // A shift amount biased to its edges (0, 1, width-1) beside uniform values.
    private static Gen<int> ShiftAmount(bool is64) => Gen.Frequency((3, Gen.Choose(0, is64 ? 63 : 31)), (1, Gen.Elements(0, 1, is64 ? 63 : 31)));

    private static Gen<bool> Is64 => Gen.Elements(true, false);

    private static string R(bool is64, int n) => (is64 ? "x" : "w") + (n == 31 ? "zr" : n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Any generated instruction (one line, or a helper line plus the instruction, or a short forward branch).</summary>
    public static Gen<string> Instruction => Gen.Frequency(
        (3, AddSubImmediate), (3, AddSubShifted), (2, AddSubExtended), (1, AddSubCarry),
        (3, LogicalShifted), (2, LogicalImmediate), (2, MoveWide), (3, Bitfield),
        (2, ConditionalCompare), (2, ConditionalSelect), (2, TwoSource), (2, OneSource), (2, ThreeSource),
        (4, LoadStoreOffset), (2, LoadStoreUnscaled), (2, LoadStoreIndexed), (2, LoadStoreRegisterOffset), (3, LoadStorePair),
        (2, Exclusive), (2, Atomic), (2, ForwardBranch), (1, Address), (1, BranchAndLink), (1, LoadLiteral),
        (2, StackPointerOperand), (1, ExclusivePair), (1, Crc32), (1, HintOrBarrier), (1, El0SystemRegister), (1, CacheMaintenance), (1, Prefetch));

    private static Gen<string> AddSubImmediate =>
        from op in Gen.Elements("add", "adds", "sub", "subs")
        from sf in Is64
        from d in DataRegister
        from n in DataRegister
        from imm in Gen.Choose(0, 4095)
        from shift in Gen.Elements("", ", lsl #12")
        select $"{op} {R(sf, d)}, {R(sf, n)}, #{imm}{shift}";

    private static Gen<string> AddSubShifted =>
        from op in Gen.Elements("add", "adds", "sub", "subs")
        from sf in Is64
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        from shift in Gen.Elements("lsl", "lsr", "asr")
        from amount in ShiftAmount(sf)
        select $"{op} {R(sf, d)}, {R(sf, n)}, {R(sf, m)}, {shift} #{amount}";

    private static Gen<string> AddSubExtended =>
        from op in Gen.Elements("add", "adds", "sub", "subs")
        from sf in Is64
        from extend in sf ? Gen.Elements("uxtb", "uxth", "uxtw", "sxtb", "sxth", "sxtw", "uxtx", "sxtx") : Gen.Elements("uxtb", "uxth", "uxtw", "sxtb", "sxth", "sxtw")
        from d in DataRegister
        from n in DataRegister
        from m in DataRegister
        from amount in Gen.Choose(0, 4)
        select $"{op} {R(sf, d)}, {R(sf, n)}, {R(sf && extend.EndsWith('x'), m)}, {extend} #{amount}";

    private static Gen<string> AddSubCarry =>
        from op in Gen.Elements("adc", "adcs", "sbc", "sbcs")
        from sf in Is64
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        select $"{op} {R(sf, d)}, {R(sf, n)}, {R(sf, m)}";

    private static Gen<string> LogicalShifted =>
        from op in Gen.Elements("and", "bic", "orr", "orn", "eor", "eon", "ands", "bics")
        from sf in Is64
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        from shift in Gen.Elements("lsl", "lsr", "asr", "ror")
        from amount in ShiftAmount(sf)
        select $"{op} {R(sf, d)}, {R(sf, n)}, {R(sf, m)}, {shift} #{amount}";

    // A valid bitmask immediate built directly: a run of ones rotated within a 2..64-bit element, then replicated.
    private static Gen<string> LogicalImmediate =>
        from op in Gen.Elements("and", "orr", "eor", "ands")
        from sf in Is64
        from sizeLog in Gen.Choose(1, sf ? 6 : 5)
        from onesSeed in Gen.Choose(1, 63)
        from rotateSeed in Gen.Choose(0, 63)
        from d in op == "ands" ? DataOrZero : DataRegister
        from n in DataOrZero
        select $"{op} {R(sf, d)}, {R(sf, n)}, #0x{BitmaskImmediate(sizeLog, onesSeed, rotateSeed, sf):x}";

    private static ulong BitmaskImmediate(int sizeLog, int onesSeed, int rotateSeed, bool is64)
    {
        var size = 1 << sizeLog;
        var ones = 1 + (onesSeed % (size - 1));
        var rotate = rotateSeed % size;
        var elementMask = size == 64 ? ulong.MaxValue : (1UL << size) - 1;
        var element = (1UL << ones) - 1;
        if (rotate != 0)
            element = ((element >> rotate) | (element << (size - rotate))) & elementMask;
        var value = element;
        for (var width = size; width < 64; width *= 2)
            value |= value << width;
        return is64 ? value : value & 0xFFFF_FFFF;
    }

    private static Gen<string> MoveWide =>
        from op in Gen.Elements("movz", "movn", "movk")
        from sf in Is64
        from d in DataOrZero
        from imm in Gen.Frequency((3, Gen.Choose(0, 0xFFFF)), (1, Gen.Elements(0, 1, 0x7FFF, 0x8000, 0xFFFF)))
        from shift in sf ? Gen.Elements(0, 16, 32, 48) : Gen.Elements(0, 16)
        select $"{op} {R(sf, d)}, #{imm}, lsl #{shift}";

    private static Gen<string> Bitfield => Gen.OneOf(
        from op in Gen.Elements("ubfx", "sbfx", "bfi", "bfxil", "ubfiz", "sbfiz")
        from sf in Is64
        from lsb in Gen.Choose(0, sf ? 63 : 31)
        from width in Gen.Choose(1, (sf ? 64 : 32) - lsb)
        from d in DataOrZero
        from n in DataOrZero
        select $"{op} {R(sf, d)}, {R(sf, n)}, #{lsb}, #{width}",
        from op in Gen.Elements("lsl", "lsr", "asr", "ror")
        from sf in Is64
        from amount in ShiftAmount(sf)
        from d in DataOrZero
        from n in DataOrZero
        select $"{op} {R(sf, d)}, {R(sf, n)}, #{amount}",
        from op in Gen.Elements("sxtb", "sxth", "uxtb", "uxth", "sxtw")
        from sf in op[0] == 's' ? Gen.Elements(op != "sxtw", true) : Gen.Constant(false)
        from d in DataRegister
        from n in DataRegister
        select op == "sxtw" ? $"sxtw x{d}, w{n}" : $"{op} {R(sf, d)}, w{n}",
        from sf in Is64
        from lsb in ShiftAmount(sf)
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        select $"extr {R(sf, d)}, {R(sf, n)}, {R(sf, m)}, #{lsb}");

    private static Gen<string> ConditionalCompare =>
        from op in Gen.Elements("ccmp", "ccmn")
        from sf in Is64
        from n in DataOrZero
        from useImmediate in Gen.Elements(true, false)
        from m in DataOrZero
        from imm in Gen.Choose(0, 31)
        from flags in Gen.Choose(0, 15)
        from cond in Gen.Elements(Conditions)
        select $"{op} {R(sf, n)}, {(useImmediate ? "#" + imm : R(sf, m))}, #{flags}, {cond}";

    private static Gen<string> ConditionalSelect => Gen.OneOf(
        from op in Gen.Elements("csel", "csinc", "csinv", "csneg")
        from sf in Is64
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        from cond in Gen.Elements(Conditions)
        select $"{op} {R(sf, d)}, {R(sf, n)}, {R(sf, m)}, {cond}",
        from op in Gen.Elements("cset", "csetm")
        from sf in Is64
        from d in DataRegister
        from cond in Gen.Elements(InvertibleConditions)
        select $"{op} {R(sf, d)}, {cond}");

    private static Gen<string> TwoSource =>
        from op in Gen.Elements("udiv", "sdiv", "lslv", "lsrv", "asrv", "rorv")
        from sf in Is64
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        select $"{op} {R(sf, d)}, {R(sf, n)}, {R(sf, m)}";

    private static Gen<string> OneSource =>
        from op in Gen.Elements("rbit", "rev", "rev16", "clz", "cls", "rev32")
        from sf in op == "rev32" ? Gen.Constant(true) : Is64
        from d in DataOrZero
        from n in DataOrZero
        select $"{op} {R(sf, d)}, {R(sf, n)}";

    private static Gen<string> ThreeSource => Gen.OneOf(
        from op in Gen.Elements("madd", "msub")
        from sf in Is64
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        from a in DataOrZero
        select $"{op} {R(sf, d)}, {R(sf, n)}, {R(sf, m)}, {R(sf, a)}",
        from op in Gen.Elements("smaddl", "smsubl", "umaddl", "umsubl")
        from d in DataRegister
        from n in DataRegister
        from m in DataRegister
        from a in DataRegister
        select $"{op} x{d}, w{n}, w{m}, x{a}",
        from op in Gen.Elements("smulh", "umulh", "mul", "mneg")
        from d in DataRegister
        from n in DataRegister
        from m in DataRegister
        select $"{op} x{d}, x{n}, x{m}");

    private static Gen<string> LoadStoreOffset =>
        from form in Gen.Elements(LoadStoreForms)
        from t in DataOrZero
        from index in Gen.Choose(0, 248 >> form.Size)
        select $"{form.Op} {R(form.X, t)}, [x28, #{index << form.Size}]";

    private static Gen<string> LoadStoreUnscaled =>
        from form in Gen.Elements(LoadStoreForms)
        from t in DataOrZero
        from offset in Gen.Choose(-256, 247)
        from unprivileged in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select $"{form.Op.Replace("ldr", unprivileged ? "ldtr" : "ldur").Replace("str", unprivileged ? "sttr" : "stur")} {R(form.X, t)}, [x28, #{offset}]";

    private static Gen<string> LoadStoreIndexed =>
        from form in Gen.Elements(LoadStoreForms)
        from t in DataRegister
        from start in Gen.Choose(0, 128)
        from offset in Gen.Choose(-64, 64)
        from pre in Gen.Elements(true, false)
        select $"add x26, x28, #{start}\n{form.Op} {R(form.X, t)}, " + (pre ? $"[x26, #{offset}]!" : $"[x26], #{offset}");

    private static Gen<string> LoadStoreRegisterOffset =>
        from form in Gen.Elements(LoadStoreForms)
        from t in DataOrZero
        from mode in Gen.Elements("lsl", "uxtw", "sxtw", "none")
        from index in mode == "sxtw" ? Gen.Choose(-16, 15) : Gen.Choose(0, 15)
        from scaled in Gen.Elements(true, false)
        select $"mov x25, #{index}\n{form.Op} {R(form.X, t)}, [x28, "
            + (mode switch
            {
                "none" => "x25]",
                "lsl" => scaled ? $"x25, lsl #{form.Size}]" : "x25, lsl #0]",
                _ => scaled ? $"w25, {mode} #{form.Size}]" : $"w25, {mode}]",
            });

    private static Gen<string> LoadStorePair =>
        from op in Gen.Elements("ldp", "stp", "ldpsw", "ldnp", "stnp")
        from sf in op == "ldpsw" ? Gen.Constant(true) : Is64
        from t in DataOrZero
        from t2 in DataOrZero.Where(r => r != t)
        from index in Gen.Choose(-8, 8)
        from mode in op.EndsWith("np") ? Gen.Constant(0) : Gen.Choose(0, 2)
        select PairText(op, sf, t, t2, index * (op == "ldpsw" || !sf ? 4 : 8), mode);

    private static string PairText(string op, bool sf, int t, int t2, int offset, int mode)
    {
        var registers = $"{op} {R(sf, t)}, {R(sf, t2)}";
        return mode switch
        {
            0 => $"{registers}, [x28, #{offset}]",
            1 => $"add x26, x28, #64\n{registers}, [x26, #{offset}]!",
            _ => $"add x26, x28, #64\n{registers}, [x26], #{offset}",
        };
    }

    private static Gen<string> Exclusive => Gen.OneOf(
        from acquire in Gen.Elements("", "a")
        from release in Gen.Elements("", "l")
        from sizeForm in Gen.Elements(("", true, 8), ("", false, 4), ("h", false, 2), ("b", false, 1))
        from slot in Gen.Choose(0, 15)
        from t in DataRegister
        from s in DataRegister.Where(r => r != t)
        from v in DataRegister.Where(r => r != s)
        select $"add x26, x28, #{slot * 16}\nld{acquire}xr{sizeForm.Item1} {R(sizeForm.Item2, t)}, [x26]\n"
            + $"st{release}xr{sizeForm.Item1} w{s}, {R(sizeForm.Item2, v)}, [x26]",
        from slot in Gen.Choose(0, 15)
        from s in DataRegister
        from v in DataRegister.Where(r => r != s)
        select $"add x26, x28, #{slot * 16}\nclrex\nstxr w{s}, x{v}, [x26]",
        from load in Gen.Elements(true, false)
        from slot in Gen.Choose(0, 15)
        from t in DataRegister
        from sf in Is64
        select $"add x26, x28, #{slot * 16}\n{(load ? "ldar" : "stlr")} {R(sf, t)}, [x26]");

    private static Gen<string> Atomic => Gen.OneOf(
        from op in Gen.Elements("ldadd", "ldclr", "ldeor", "ldset", "ldsmax", "ldsmin", "ldumax", "ldumin", "swp")
        from order in Gen.Elements("", "a", "l", "al")
        from sizeForm in Gen.Elements(("", true), ("", false), ("h", false), ("b", false))
        from slot in Gen.Choose(0, 15)
        from s in DataOrZero
        from t in DataOrZero
        select $"add x26, x28, #{slot * 16}\n{op}{order}{sizeForm.Item1} {R(sizeForm.Item2, s)}, {R(sizeForm.Item2, t)}, [x26]",
        from order in Gen.Elements("", "a", "l", "al")
        from sizeForm in Gen.Elements(("", true), ("", false), ("h", false), ("b", false))
        from slot in Gen.Choose(0, 15)
        from matching in Gen.Elements(true, false)
        from s in DataRegister
        from t in DataRegister
        select $"add x26, x28, #{slot * 16}\n" + (matching ? $"ldr{sizeForm.Item1} {R(sizeForm.Item2 && sizeForm.Item1 == "", s)}, [x26]\n" : "")
            + $"cas{order}{sizeForm.Item1} {R(sizeForm.Item2, s)}, {R(sizeForm.Item2, t)}, [x26]",
        from slot in Gen.Choose(0, 15)
        from s in Gen.Choose(0, 11)
        from t in Gen.Choose(0, 11)
        from sf in Is64
        select $"add x26, x28, #{slot * 16}\ncasp {R(sf, 2 * s)}, {R(sf, (2 * s) + 1)}, {R(sf, 2 * t)}, {R(sf, (2 * t) + 1)}, [x26]");

    private static Gen<string> ForwardBranch =>
        from kind in Gen.Choose(0, 2)
        from cond in Gen.Elements(Conditions)
        from sf in Is64
        from t in DataRegister
        from bit in Gen.Choose(0, 63)
        from skipped in AddSubShifted
        select kind switch
        {
            0 => $"b.{cond} 1f",
            1 => $"{(bit % 2 == 0 ? "cbz" : "cbnz")} {R(sf, t)}, 1f",
            _ => $"{(bit % 3 == 0 ? "tbz" : "tbnz")} x{t}, #{bit}, 1f",
        } + $"\n{skipped}\n1:";

    // BL/BLR/BR/RET: the link register is copied into a data register so the comparison sees it.
    private static Gen<string> BranchAndLink =>
        from kind in Gen.Choose(0, 3)
        from d in DataRegister
        from skipped in AddSubShifted
        select kind switch
        {
            0 => $"bl 1f\n{skipped}\n1:\nmov x{d}, x30",
            1 => $"adr x25, 1f\nblr x25\n{skipped}\n1:\nmov x{d}, x30",
            2 => $"adr x25, 1f\nbr x25\n{skipped}\n1:",
            _ => $"adr x25, 1f\nret x25\n{skipped}\n1:",
        };

    // LDR (literal) of a W, X or sign-extended W value placed in the code stream.
    private static Gen<string> LoadLiteral =>
        from form in Gen.Elements("ldr w", "ldr x", "ldrsw x")
        from d in DataRegister
        from value in Value
        select $"{form}{d}, 2f\nb 3f\n.balign 8\n2: .quad 0x{value:x}\n3:";

    private static Gen<string> Address =>
        from page in Gen.Elements(true, false)
        from d in DataRegister
        select page ? $"adrp x{d}, ." : $"adr x{d}, .";
}

/// <summary>One generated test: instruction lines, initial X0–X27, initial NZCV, and the 64 words of memory x28 points into.</summary>
public sealed record TestSequence(string[] Instructions, ulong[] Registers, ulong Nzcv, ulong[] Memory);
