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

    /// <summary>Make storage requests whose buffers name memory it does not own, or sectors past its partition.</summary>
    HostileStorage = 6,

    /// <summary>Run a program the host placed in the work RAM (guests/persona/attack_hostile.c): the hostile-guest fuzzer's seeded attacks.</summary>
    HostileProgram = 7,

    /// <summary>Use a held DMA device legitimately, then aim DMA at foreign pages and at a device it does not own (guests/persona/attack_dma.c).</summary>
    DmaForeign = 16,

    /// <summary>In its day, take the camera, let it reach two work pages by DMA, write one frame and arm the next, and keep the
    /// camera (guests/persona/camera_hold.c): a wipe must revoke its DMA.</summary>
    HoldCamera = 0x20,

    /// <summary>Run a function, read a sector of new instructions from storage over its code, and run it again (guests/persona/load_code.c).</summary>
    LoadCode = 0x21,
}

/// <summary>Flags both kernels take in x0 beside the work mode (guests/persona/kernel.h).</summary>
[Flags]
public enum KernelFlags : ulong
{
    /// <summary>Only the notification exchange, then power off.</summary>
    None = 0,

    /// <summary>Live the whole day before powering off: a periodic timer tick, a record on storage, the camera hand-off, calls.</summary>
    Day = 0x100,

    /// <summary>The machine has more than one core: the kernel starts its secondary vCPU with PSCI CPU_ON (guests/persona/smp.c).</summary>
    Smp = 0x200,
}
