using System.Buffers.Binary;
using Persona.Arm.Contracts;
using Persona.Arm.Cpu;

namespace Persona.Arm.Memory;

/// <summary>Stage-1 and stage-2 table walks for the 4 KiB granule, as pure functions over the physical bus.</summary>
/// <remarks>Nothing here caches or changes state, so the hypervisor's isolation validator can walk a guest's stage-2
/// tables with exactly the semantics the cores use. Access and dirty flags are never updated (no FEAT_HAFDBS).</remarks>
public static class TranslationTableWalker
{
    private const ulong OutputAddressMask = 0x0000_FFFF_FFFF_F000;
    private const ulong HighOutputBits = 0x000F_0000_0000_0000;
    private const int PageShift = 12;

    /// <summary>The implemented physical address size in bits (ID_AA64MMFR0_EL1.PARange = 4): a PS/IPS field asking for more is
    /// treated as this (the architecture's rule), and an address at or above it does not exist.</summary>
    public const int ImplementedPhysicalAddressBits = 44;

    /// <summary>Translates an IPA through stage 2 (VTTBR_EL2/VTCR_EL2), returning the PA and the stage-2 permissions.</summary>
    public static WalkResult WalkStage2(IPhysicalBus bus, int coreId, in Stage2Regime regime, ulong ipa)
    {
        var vtcr = regime.Vtcr;
        var t0sz = Math.Clamp((int)(vtcr & 63), 16, 39);
        var inputSize = 64 - t0sz;
        var sl0 = (int)((vtcr >> 6) & 3);
        var startLevel = sl0 switch { 0 => 2, 1 => 1, 2 => 0, _ => -1 };
        if (startLevel < 0 || (ipa >> inputSize) != 0)
            return Fail(FaultStatus.Translation, 0, stage2: true, ipa);
        var startShift = LevelShift(startLevel);
        var startIndexBits = inputSize - startShift;
        // More than 16 concatenated tables (or none needed at this level) is a misconfiguration: a level-0 translation fault.
        if (startIndexBits > 13 || startIndexBits <= 0)
            return Fail(FaultStatus.Translation, startLevel, stage2: true, ipa);
        var table = regime.Vttbr & 0x0000_FFFF_FFFF_FFFE & ~((8UL << startIndexBits) - 1);
        var outputTooLarge = OutputBitsBeyond((int)((vtcr >> 16) & 7));
        for (var level = startLevel; level <= 3; level++)
        {
            var shift = LevelShift(level);
            var indexMask = level == startLevel ? (1UL << startIndexBits) - 1 : 511;
            var descriptorAddress = table + (((ipa >> shift) & indexMask) << 3);
            if (!TryReadDescriptor(bus, coreId, descriptorAddress, out var descriptor))
                return Fail(FaultStatus.ExternalAbortOnWalk, level, stage2: true, ipa);
            if ((descriptor & 1) == 0 || (level == 3 && (descriptor & 2) == 0) || (level == 0 && (descriptor & 2) == 0))
                return Fail(FaultStatus.Translation, level, stage2: true, ipa);
            if ((descriptor & outputTooLarge) != 0)
                return Fail(FaultStatus.AddressSize, level, stage2: true, ipa);
            if (level < 3 && (descriptor & 2) != 0)
            {
                table = descriptor & OutputAddressMask;
                continue;
            }
            if ((descriptor & (1UL << 10)) == 0)
                return Fail(FaultStatus.AccessFlag, level, stage2: true, ipa);
            var permissions = PagePermissions.None;
            if ((descriptor & (1UL << 6)) != 0)
                permissions |= PagePermissions.UserRead | PagePermissions.PrivilegedRead;
            if ((descriptor & (1UL << 7)) != 0)
                permissions |= PagePermissions.UserWrite | PagePermissions.PrivilegedWrite;
            if ((descriptor & (1UL << 54)) == 0)
                permissions |= PagePermissions.UserExecute | PagePermissions.PrivilegedExecute;
            var blockMask = (1UL << shift) - 1;
            var output = (descriptor & OutputAddressMask & ~blockMask) | (ipa & blockMask);
            return new WalkResult(output, permissions, level, Global: true, (int)((descriptor >> 2) & 15), null);
        }
        return Fail(FaultStatus.Translation, 3, stage2: true, ipa);
    }

    /// <summary>Translates a VA through stage 1 of a regime; table fetches go through stage 2 when <paramref name="stage2"/> is given.</summary>
    /// <returns>The IPA (the PA when there is no stage 2) and the stage-1 permissions, or the fault (a stage-2 fault on a table fetch is marked S1PTW).</returns>
    public static WalkResult WalkStage1(IPhysicalBus bus, int coreId, in Stage1Regime regime, Stage2Regime? stage2, ulong va)
    {
        var tcr = regime.Tcr;
        var upperHalf = !regime.IsEl2Regime && ((va >> 55) & 1) != 0;
        var txsz = Math.Clamp((int)((upperHalf ? tcr >> 16 : tcr) & 63), 16, 39);
        var inputSize = 64 - txsz;
        var disabled = !regime.IsEl2Regime && ((tcr >> (upperHalf ? 23 : 7)) & 1) != 0;
        var topBits = va >> inputSize;
        var expectedTop = upperHalf ? ulong.MaxValue >> inputSize : 0;
        if (disabled || topBits != expectedTop)
            return Fail(FaultStatus.Translation, 0, stage2: false, 0);
        var levels = (inputSize - PageShift + 8) / 9;
        var startLevel = 4 - levels;
        var startIndexBits = inputSize - LevelShift(startLevel);
        var ttbr = upperHalf ? regime.Ttbr1 : regime.Ttbr0;
        var table = ttbr & 0x0000_FFFF_FFFF_FFFE & ~((8UL << startIndexBits) - 1);
        var outputTooLarge = OutputBitsBeyond((int)((regime.IsEl2Regime ? tcr >> 16 : tcr >> 32) & 7));
        var tableNoUser = false;
        var tableReadOnly = false;
        var tableUserExecuteNever = false;
        var tablePrivilegedExecuteNever = false;
        for (var level = startLevel; level <= 3; level++)
        {
            var shift = LevelShift(level);
            var indexMask = level == startLevel ? (1UL << startIndexBits) - 1 : 511;
            var descriptorAddress = table + (((va >> shift) & indexMask) << 3);
            if (stage2 is { } s2)
            {
                var tableWalk = WalkStage2(bus, coreId, s2, descriptorAddress);
                if (tableWalk.Fault is { } s2Fault)
                    return tableWalk with { Fault = s2Fault with { OnStage1Walk = true } };
                if ((tableWalk.Permissions & PagePermissions.PrivilegedRead) == 0)
                    return Fail(FaultStatus.Permission, tableWalk.Level, stage2: true, descriptorAddress, onWalk: true);
                descriptorAddress = tableWalk.OutputAddress;
            }
            if (!TryReadDescriptor(bus, coreId, descriptorAddress, out var descriptor))
                return Fail(FaultStatus.ExternalAbortOnWalk, level, stage2: false, 0);
            if ((descriptor & 1) == 0 || (level == 3 && (descriptor & 2) == 0) || (level == 0 && (descriptor & 2) == 0))
                return Fail(FaultStatus.Translation, level, stage2: false, 0);
            if ((descriptor & outputTooLarge) != 0)
                return Fail(FaultStatus.AddressSize, level, stage2: false, 0);
            if (level < 3 && (descriptor & 2) != 0)
            {
                tablePrivilegedExecuteNever |= ((descriptor >> 59) & 1) != 0;
                tableUserExecuteNever |= ((descriptor >> 60) & 1) != 0;
                tableNoUser |= ((descriptor >> 61) & 1) != 0;
                tableReadOnly |= ((descriptor >> 62) & 1) != 0;
                table = descriptor & OutputAddressMask;
                continue;
            }
            if ((descriptor & (1UL << 10)) == 0)
                return Fail(FaultStatus.AccessFlag, level, stage2: false, 0);
            var blockMask = (1UL << shift) - 1;
            var output = (descriptor & OutputAddressMask & ~blockMask) | (va & blockMask);
            var permissions = regime.IsEl2Regime
                ? El2Permissions(descriptor, tableReadOnly, tableUserExecuteNever, regime.WriteImpliesExecuteNever)
                : El10Permissions(descriptor, tableNoUser, tableReadOnly, tableUserExecuteNever, tablePrivilegedExecuteNever, regime.WriteImpliesExecuteNever);
            var global = regime.IsEl2Regime || (descriptor & (1UL << 11)) == 0;
            return new WalkResult(output, permissions, level, global, (int)((descriptor >> 2) & 7), null);
        }
        return Fail(FaultStatus.Translation, 3, stage2: false, 0);
    }

    // The descriptor bits that make an output address exceed the size a PS/IPS field selects (32, 36, 40, 42, 44, 48, 52 bits),
    // capped at the implemented PARange: an address-size fault when any is set.
    private static ulong OutputBitsBeyond(int physicalSize) =>
        HighOutputBits | (OutputAddressMask & ~((1UL << PhysicalAddressSizeBits(physicalSize)) - 1));

    /// <summary>The address size a PS/IPS/PARange field selects, capped at <see cref="ImplementedPhysicalAddressBits"/>.</summary>
    public static int PhysicalAddressSizeBits(int field) => field switch
    {
        0 => 32,
        1 => 36,
        2 => 40,
        3 => 42,
        _ => ImplementedPhysicalAddressBits,
    };

    /// <summary>The number of VA bits below a lookup level's index for the 4 KiB granule (39, 30, 21, 12).</summary>
    public static int LevelShift(int level) => PageShift + (9 * (3 - level));

    private static PagePermissions El10Permissions(ulong descriptor, bool tableNoUser, bool tableReadOnly, bool tableUxn, bool tablePxn, bool wxn)
    {
        var ap = (descriptor >> 6) & 3;
        var userAccess = (ap & 1) != 0 && !tableNoUser;
        var readOnly = (ap & 2) != 0 || tableReadOnly;
        var permissions = PagePermissions.PrivilegedRead;
        if (!readOnly)
            permissions |= PagePermissions.PrivilegedWrite;
        if (userAccess)
            permissions |= readOnly ? PagePermissions.UserRead : PagePermissions.UserRead | PagePermissions.UserWrite;
        var userWritable = (permissions & PagePermissions.UserWrite) != 0;
        var anyWritable = (permissions & (PagePermissions.UserWrite | PagePermissions.PrivilegedWrite)) != 0;
        var uxn = ((descriptor >> 54) & 1) != 0 || tableUxn || (wxn && anyWritable);
        // Memory that EL0 can write is never executable at EL1 (the architecture's implicit PXN).
        var pxn = ((descriptor >> 53) & 1) != 0 || tablePxn || userWritable || (wxn && anyWritable);
        if (!uxn)
            permissions |= PagePermissions.UserExecute;
        if (!pxn)
            permissions |= PagePermissions.PrivilegedExecute;
        return permissions;
    }

    private static PagePermissions El2Permissions(ulong descriptor, bool tableReadOnly, bool tableXn, bool wxn)
    {
        var readOnly = ((descriptor >> 7) & 1) != 0 || tableReadOnly;
        var permissions = PagePermissions.PrivilegedRead;
        if (!readOnly)
            permissions |= PagePermissions.PrivilegedWrite;
        var xn = ((descriptor >> 54) & 1) != 0 || tableXn || (wxn && !readOnly);
        if (!xn)
            permissions |= PagePermissions.PrivilegedExecute;
        return permissions;
    }

    private static bool TryReadDescriptor(IPhysicalBus bus, int coreId, ulong address, out ulong descriptor)
    {
        var ram = bus.Ram;
        if (ram.Contains(address, 8))
        {
            descriptor = BinaryPrimitives.ReadUInt64LittleEndian(ram.Bytes.AsSpan((int)(address - ram.Base), 8));
            return true;
        }
        return bus.TryReadDevice(coreId, address, 8, out descriptor);
    }

    private static WalkResult Fail(FaultStatus status, int level, bool stage2, ulong ipa, bool onWalk = false) =>
        new(0, PagePermissions.None, level, false, 0, new TranslationFault(status, level, stage2, onWalk, stage2 ? ipa : 0));
}
