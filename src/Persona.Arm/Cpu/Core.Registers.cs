using System.Runtime.CompilerServices;

namespace Persona.Arm.Cpu;

/// <summary>Register-file helpers for the semantics: register 31 reads as zero (XZR) or as the current SP, by encoding.</summary>
public sealed partial class Core
{
    private static readonly ushort[] ConditionTable = BuildConditionTable();

    // Register numbers come from 5-bit fields, so masking with 31 keeps every access inside the 32-entry file without a bounds check.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ulong XRef(int n) => ref Unsafe.Add(ref Unsafe.As<GeneralRegisterFile, ulong>(ref x), n & 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ReadX(int n) => XRef(n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteX(int n, ulong value)
    {
        if (n != 31)
            XRef(n) = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteX(int n, ulong value, bool is64)
    {
        if (n != 31)
            XRef(n) = is64 ? value : (uint)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ReadXOrSp(int n) => n == 31 ? stackPointers[CurrentSpIndex] : XRef(n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteXOrSp(int n, ulong value)
    {
        if (n == 31)
            stackPointers[CurrentSpIndex] = value;
        else
            XRef(n) = value;
    }

    /// <summary>True when the condition code holds for the current NZCV.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ConditionHolds(int condition) => ((ConditionTable[condition & 15] >> (int)(nzcv >> 28)) & 1) != 0;

    // For each condition, bit k is set when it holds for NZCV = k (N is bit 3 of k).
    private static ushort[] BuildConditionTable()
    {
        var table = new ushort[16];
        for (var condition = 0; condition < 16; condition++)
        {
            for (var flags = 0; flags < 16; flags++)
            {
                bool n = (flags & 8) != 0, z = (flags & 4) != 0, c = (flags & 2) != 0, v = (flags & 1) != 0;
                var holds = (condition >> 1) switch
                {
                    0 => z,
                    1 => c,
                    2 => n,
                    3 => v,
                    4 => c && !z,
                    5 => n == v,
                    6 => n == v && !z,
                    _ => true,
                };
                if ((condition & 1) != 0 && condition != 15)
                    holds = !holds;
                if (holds)
                    table[condition] |= (ushort)(1 << flags);
            }
        }
        return table;
    }
}
