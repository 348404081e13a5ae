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

    /// <summary>Use a held DMA device legitimately, then aim DMA at foreign pages and at a device it does not own (guests/persona/attack_dma.c).</summary>
    DmaForeign = 16,
}
