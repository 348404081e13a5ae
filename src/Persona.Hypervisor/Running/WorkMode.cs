namespace Persona.Hypervisor.Running;

/// <summary>What the work kernel does after its normal work (x0 at its entry; guests/persona/kernel.h): normal, or one attack.</summary>
public enum WorkMode : ulong
{
    /// <summary>Only the normal day: note on the channel, switch back.</summary>
    Normal = 0,

    /// <summary>Read guest-physical addresses outside its RAM.</summary>
    ReadForeign = 1,

    /// <summary>Make hypercalls with hostile arguments.</summary>
    HostileHypercalls = 2,

    /// <summary>Touch the MMIO of devices it does not own.</summary>
    ForeignMmio = 3,

    /// <summary>Write an EL2 system register from EL1.</summary>
    TamperSystemRegisters = 4,

    /// <summary>Race a wipe: on a multi-core machine the secondary vCPU hammers hypercalls and memory while the boot vCPU keeps trapping.</summary>
    RaceWipe = 5,
}
