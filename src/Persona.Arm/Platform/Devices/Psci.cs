using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

/// <summary>The platform firmware's PSCI 1.1 over SMC, answering as QEMU's built-in PSCI does on virt with virtualization=on.</summary>
/// <remarks>With virtualization on there is no EL3 and the conduit is SMC, so HVC is never claimed here: it goes to EL2.
/// A call whose function id is not a PSCI function is not claimed either, and the core makes the SMC undefined.</remarks>
public sealed class Psci(IPowerController power)
{
    /// <summary>The version PSCI_VERSION returns: 1.1.</summary>
    public const ulong VersionValue = 0x1_0001;

    /// <summary>MIGRATE_INFO_TYPE's answer: no trusted OS, migration not required.</summary>
    private const ulong NoTrustedOs = 2;

    /// <summary>Handles a firmware call from core <paramref name="coreId"/>; false when it is not a PSCI call over the SMC conduit.</summary>
    public bool TryHandle(int coreId, IGeneralRegisters registers, bool isSmc)
    {
        if (!isSmc)
            return false;
        var id = registers.GetX(0);
        if (id > uint.MaxValue || !Enum.IsDefined((PsciFunction)(uint)id))
            return false;
        var function = (PsciFunction)(uint)id;
        switch (function)
        {
            case PsciFunction.SystemOff:
                power.PowerOffSystem(coreId);
                return true;
            case PsciFunction.SystemReset:
                // There is no reset in a single deterministic run: stop the machine as a shutdown does.
                power.PowerOffSystem(coreId);
                return true;
            case PsciFunction.CpuOff:
                power.PowerOffCore(coreId);
                return true;
        }
        var result = function switch
        {
            PsciFunction.Version => VersionValue,
            PsciFunction.MigrateInfoType => NoTrustedOs,
            PsciFunction.CpuOn32 or PsciFunction.CpuOn64 => Encode(CpuOn(coreId, registers, function == PsciFunction.CpuOn32)),
            PsciFunction.AffinityInfo32 or PsciFunction.AffinityInfo64 => AffinityInfo(registers),
            PsciFunction.Features => Encode(Features(registers.GetX(1))),
            PsciFunction.CpuSuspend32 or PsciFunction.CpuSuspend64 => (registers.GetX(1) & 0xFFFE_0000) != 0
                ? Encode(PsciResult.InvalidParameters) : Encode(PsciResult.Success),
            _ => Encode(PsciResult.NotSupported),
        };
        registers.SetX(0, result);
        return true;
    }

    private static ulong Encode(PsciResult result) => unchecked((ulong)(long)result);

    private PsciResult CpuOn(int coreId, IGeneralRegisters registers, bool is32Bit)
    {
        var mask = is32Bit ? 0xFFFF_FFFFUL : ulong.MaxValue;
        var target = CoreOf(registers.GetX(1) & mask);
        if (target < 0 || target >= power.CoreCount)
            return PsciResult.InvalidParameters;
        if (power.IsPoweredOn(target))
            return PsciResult.AlreadyOn;
        power.PowerOnCore(coreId, target, registers.GetX(2) & mask, registers.GetX(3) & mask);
        return PsciResult.Success;
    }

    private ulong AffinityInfo(IGeneralRegisters registers)
    {
        // Affinity levels above 0 are always on.
        if (registers.GetX(2) != 0)
            return 0;
        var target = CoreOf(registers.GetX(1));
        if (target < 0 || target >= power.CoreCount)
            return Encode(PsciResult.InvalidParameters);
        return power.IsPoweredOn(target) ? 0UL : 1UL;
    }

    private static PsciResult Features(ulong queried) => queried switch
    {
        (ulong)PsciFunction.Version or (ulong)PsciFunction.MigrateInfoType or (ulong)PsciFunction.AffinityInfo32
            or (ulong)PsciFunction.AffinityInfo64 or (ulong)PsciFunction.CpuOn32 or (ulong)PsciFunction.CpuOn64
            or (ulong)PsciFunction.CpuOff or (ulong)PsciFunction.CpuSuspend32 or (ulong)PsciFunction.CpuSuspend64
            or (ulong)PsciFunction.Features or (ulong)PsciFunction.SystemReset or (ulong)PsciFunction.SystemOff => PsciResult.Success,
        _ => PsciResult.NotSupported,
    };

    /// <summary>The core index an MPIDR names (Aff0 + 16·Aff1), or -1 when it names none.</summary>
    private static int CoreOf(ulong mpidr)
    {
        var affinity = mpidr & 0xFF_00FF_FFFF;
        if ((affinity & ~0xFFFFUL) != 0 || (affinity & 0xF0) != 0)
            return -1;
        return (int)((affinity & 0xF) + (16 * ((affinity >> 8) & 0xFF)));
    }
}

/// <summary>What PSCI needs from the machine to switch cores and the system on and off.</summary>
public interface IPowerController
{
    /// <summary>The number of cores.</summary>
    int CoreCount { get; }

    /// <summary>True when core <paramref name="coreId"/> is on.</summary>
    bool IsPoweredOn(int coreId);

    /// <summary>Starts core <paramref name="targetCoreId"/> at <paramref name="entry"/> with x0 = <paramref name="contextId"/>, at the caller's exception level.</summary>
    void PowerOnCore(int callerCoreId, int targetCoreId, ulong entry, ulong contextId);

    /// <summary>Turns the calling core off (CPU_OFF).</summary>
    void PowerOffCore(int coreId);

    /// <summary>Turns the whole machine off (SYSTEM_OFF): the run ends.</summary>
    void PowerOffSystem(int coreId);
}
