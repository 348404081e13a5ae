namespace Persona.Arm.Platform.Devices;

/// <summary>PSCI function identifiers (SMC calling convention, 32- and 64-bit forms), as in Arm DEN 0022.</summary>
public enum PsciFunction : uint
{
    /// <summary>PSCI_VERSION.</summary>
    Version = 0x8400_0000,

    /// <summary>CPU_SUSPEND, 32-bit.</summary>
    CpuSuspend32 = 0x8400_0001,

    /// <summary>CPU_OFF.</summary>
    CpuOff = 0x8400_0002,

    /// <summary>CPU_ON, 32-bit.</summary>
    CpuOn32 = 0x8400_0003,

    /// <summary>AFFINITY_INFO, 32-bit.</summary>
    AffinityInfo32 = 0x8400_0004,

    /// <summary>MIGRATE, 32-bit.</summary>
    Migrate32 = 0x8400_0005,

    /// <summary>MIGRATE_INFO_TYPE.</summary>
    MigrateInfoType = 0x8400_0006,

    /// <summary>SYSTEM_OFF.</summary>
    SystemOff = 0x8400_0008,

    /// <summary>SYSTEM_RESET.</summary>
    SystemReset = 0x8400_0009,

    /// <summary>PSCI_FEATURES.</summary>
    Features = 0x8400_000A,

    /// <summary>CPU_SUSPEND, 64-bit.</summary>
    CpuSuspend64 = 0xC400_0001,

    /// <summary>CPU_ON, 64-bit.</summary>
    CpuOn64 = 0xC400_0003,

    /// <summary>AFFINITY_INFO, 64-bit.</summary>
    AffinityInfo64 = 0xC400_0004,

    /// <summary>MIGRATE, 64-bit.</summary>
    Migrate64 = 0xC400_0005,
}

/// <summary>PSCI return codes.</summary>
public enum PsciResult : long
{
    /// <summary>SUCCESS.</summary>
    Success = 0,

    /// <summary>NOT_SUPPORTED.</summary>
    NotSupported = -1,

    /// <summary>INVALID_PARAMETERS.</summary>
    InvalidParameters = -2,

    /// <summary>DENIED.</summary>
    Denied = -3,

    /// <summary>ALREADY_ON.</summary>
    AlreadyOn = -4,
}
