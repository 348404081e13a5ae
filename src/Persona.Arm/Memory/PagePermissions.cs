namespace Persona.Arm.Memory;

/// <summary>What a translation allows, per privilege: the bits are shifted by 3 for privileged (EL1/EL2) accesses.</summary>
[Flags]
public enum PagePermissions : byte
{
    /// <summary>No access.</summary>
    None = 0,

    /// <summary>EL0 may read.</summary>
    UserRead = 1 << 0,

    /// <summary>EL0 may write.</summary>
    UserWrite = 1 << 1,

    /// <summary>EL0 may execute.</summary>
    UserExecute = 1 << 2,

    /// <summary>EL1 (or EL2 in its own regime) may read.</summary>
    PrivilegedRead = 1 << 3,

    /// <summary>EL1 (or EL2 in its own regime) may write.</summary>
    PrivilegedWrite = 1 << 4,

    /// <summary>EL1 (or EL2 in its own regime) may execute.</summary>
    PrivilegedExecute = 1 << 5,

    /// <summary>Everything, as when a stage is disabled.</summary>
    All = UserRead | UserWrite | UserExecute | PrivilegedRead | PrivilegedWrite | PrivilegedExecute,
}

/// <summary>The kind of memory access being translated.</summary>
public enum AccessKind
{
    /// <summary>A data read.</summary>
    Read = 0,

    /// <summary>A data write.</summary>
    Write = 1,

    /// <summary>An instruction fetch.</summary>
    Execute = 2,
}

/// <summary>Why a translation failed, in the terms the syndrome needs.</summary>
/// <param name="Status">The fault status code without the level.</param>
/// <param name="Level">The lookup level of the fault (0–3).</param>
/// <param name="Stage2">True when stage 2 faulted (reported to EL2 with HPFAR).</param>
/// <param name="OnStage1Walk">True when stage 2 faulted while fetching a stage-1 descriptor (S1PTW).</param>
/// <param name="IntermediateAddress">The IPA stage 2 was translating (for HPFAR), else 0.</param>
public readonly record struct TranslationFault(Cpu.FaultStatus Status, int Level, bool Stage2, bool OnStage1Walk, ulong IntermediateAddress)
{
    /// <summary>The DFSC/IFSC value: status with the level in bits [1:0] where the status carries one.</summary>
    public int StatusCode => Status is Cpu.FaultStatus.ExternalAbort or Cpu.FaultStatus.Alignment ? (int)Status : (int)Status | (Level & 3);
}
