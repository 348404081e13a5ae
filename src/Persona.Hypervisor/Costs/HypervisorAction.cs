namespace Persona.Hypervisor.Costs;

/// <summary>The architectural actions a trap handler performs, the units the cost model charges virtual time for.</summary>
public enum HypervisorAction
{
    /// <summary>Taking the exception to EL2 and returning with ERET (vector entry, ESR/ELR/FAR reads, dispatch, ERET).</summary>
    ExceptionEntryAndReturn,

    /// <summary>Emulating one trapped MMIO access: decoding the data-abort syndrome and moving the value to or from the register.</summary>
    MmioEmulation,

    /// <summary>Saving or restoring one general register of a guest context (one store or one load).</summary>
    GeneralRegisterTransfer,

    /// <summary>Saving or restoring one system register of a guest context (MRS and store, or load and MSR).</summary>
    SystemRegisterTransfer,

    /// <summary>Writing one stage-2 descriptor (map or unmap one page) with the barrier that publishes it to the walkers.</summary>
    Stage2DescriptorWrite,

    /// <summary>One broadcast TLB invalidation (TLBI ...IS) with the DSB ISH that waits for every core to acknowledge it.</summary>
    TlbInvalidationBroadcast,

    /// <summary>Zeroing 64 bytes of memory (one DC ZVA block).</summary>
    Scrub64Bytes,
}
