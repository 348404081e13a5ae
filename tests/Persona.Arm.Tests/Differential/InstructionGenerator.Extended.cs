using FsCheck;
using FsCheck.Fluent;

namespace Persona.Arm.Tests.Differential;

/// <summary>The generators for the forms an EL0 program under Linux may also use: SP as an operand, exclusive pairs, CRC32,
/// hints and barriers, the EL0 system registers, cache maintenance by VA and prefetches.</summary>
public static partial class InstructionGenerator
{
    // SP is set from x28 (16-byte aligned, so SP-based accesses pass Linux's SCTLR_EL1.SA0 check), used, then copied out.
    private static Gen<string> StackPointerOperand =>
        from start in Gen.Choose(-8, 0)
        from d in DataRegister
        from n in DataRegister
        from m in DataRegister
        from imm in Gen.Choose(0, 4095)
        from extend in Gen.Elements("uxtb", "uxth", "uxtw", "sxtb", "sxth", "sxtw", "uxtx", "sxtx")
        from amount in Gen.Choose(0, 4)
        from offset in Gen.Choose(-16, 15)
        from kind in Gen.Choose(0, 7)
        select $"add sp, x28, #{start * 16 + 128}\n" + kind switch
        {
            0 => $"add x{d}, sp, #{imm}",
            1 => $"sub sp, sp, #{imm}, lsl #12",
            2 => $"add sp, sp, {R(extend.EndsWith('x'), m)}, {extend} #{amount}",
            3 => $"adds x{d}, sp, {R(extend.EndsWith('x'), m)}, {extend} #{amount}",
            4 => $"cmp sp, x{m}",
            5 => $"and sp, x{n}, #0xfffffffffffffff0\nadd sp, sp, x28",
            6 => $"ldr x{d}, [sp, #{(offset & 7) * 8}]\nstr x{n}, [sp, #{offset * 8}]",
            _ => $"ldp x{d}, x{(d + 1) % 25}, [sp, #-16]!\nstp x{n}, x{m}, [sp], #32",
        } + $"\nmov x{d}, sp";

    // LDXP/LDAXP then STXP/STLXP to the same 16-byte slot: the status register differs from the data and the base.
    private static Gen<string> ExclusivePair =>
        from acquire in Gen.Elements("", "a")
        from release in Gen.Elements("", "l")
        from sf in Is64
        from slot in Gen.Choose(0, 15)
        from t in DataRegister
        from t2 in DataRegister.Where(r => r != t)
        from v in DataOrZero
        from v2 in DataOrZero
        from s in DataOrZero.Where(r => r != v && r != v2)
        from clear in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select $"add x26, x28, #{slot * 16}\nld{acquire}xp {R(sf, t)}, {R(sf, t2)}, [x26]\n" + (clear ? "clrex\n" : "")
            + $"st{release}xp {R(false, s)}, {R(sf, v)}, {R(sf, v2)}, [x26]";

    private static Gen<string> Crc32 =>
        from castagnoli in Gen.Elements("", "c")
        from size in Gen.Elements("b", "h", "w", "x")
        from d in DataOrZero
        from n in DataOrZero
        from m in DataOrZero
        select $"crc32{castagnoli}{size} {R(false, d)}, {R(false, n)}, {R(size == "x", m)}";

    // NOP-like hints (the pointer-authentication and BTI hints too: QEMU runs with pauth=off, and no page is guarded),
    // SEVL before WFE so the wait completes, and barriers.
    private static Gen<string> HintOrBarrier => Gen.Elements(
        "nop", "yield", "sev", "sevl\nwfe", "hint #25", "hint #29", "hint #7", "hint #34", "hint #38", "hint #20", "hint #6", "hint #127",
        "dmb ish", "dmb oshld", "dsb sy", "dsb nshst", "isb", "clrex #5", "ssbb", "pssbb");

    // NZCV (bits other than [31:28] are ignored on write), TPIDR_EL0, and FPCR/FPSR with their defined bits.
    private static Gen<string> El0SystemRegister =>
        from kind in Gen.Choose(0, 4)
        from d in DataOrZero
        from n in DataOrZero
        from fpcrBits in Gen.Choose(0, 31)
        from fpsrBits in Gen.Choose(0, 127)
        select kind switch
        {
            0 => $"msr nzcv, {R(true, n)}\nmrs {R(true, d)}, nzcv",
            1 => $"mrs {R(true, d)}, tpidr_el0\nmsr tpidr_el0, {R(true, n)}",
            2 => $"msr tpidr_el0, {R(true, n)}\nmrs {R(true, d)}, tpidr_el0",
            3 => $"{MoveX25((uint)fpcrBits << 22)}\nmsr fpcr, x25\nmrs {R(true, d)}, fpcr\nmsr fpcr, xzr",
            _ => $"{MoveX25((uint)((fpsrBits & 0x1F) | ((fpsrBits & 0x20) << 2) | ((fpsrBits & 0x40) << 21)))}\nmsr fpsr, x25\nmrs {R(true, d)}, fpsr\nmsr fpsr, xzr",
        };

    private static string MoveX25(uint value) => $"movz x25, #0x{value & 0xFFFF:x}\nmovk x25, #0x{value >> 16:x}, lsl #16";

    // Cache maintenance to the point of unification or coherency, allowed at EL0 by SCTLR_EL1.UCI (Linux sets it).
    private static Gen<string> CacheMaintenance =>
        from op in Gen.Elements("dc cvau", "dc cvac", "dc civac", "ic ivau")
        from slot in Gen.Choose(0, 31)
        select $"add x26, x28, #{slot * 8}\n{op}, x26";

    // PRFM/PRFUM in every addressing form, with named and unallocated prefetch operations alike (all are hints).
    private static Gen<string> Prefetch =>
        from operation in Gen.Elements("pldl1keep", "pstl2strm", "plil3keep", "#6", "#24", "#31")
        from kind in Gen.Choose(0, 3)
        from offset in Gen.Choose(-256, 255)
        from index in Gen.Choose(0, 31)
        select kind switch
        {
            0 => $"prfm {operation}, [x28, #{index * 8}]",
            1 => $"prfum {operation}, [x28, #{offset}]",
            2 => $"mov x25, #{index}\nprfm {operation}, [x28, x25, lsl #3]",
            _ => $"prfm {operation}, 2f\nb 3f\n2: .quad 0\n3:",
        };
}
