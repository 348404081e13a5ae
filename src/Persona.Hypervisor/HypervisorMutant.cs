namespace Persona.Hypervisor;

/// <summary>Seeded bugs the hypervisor can run with, each of which the validator or a test must catch.</summary>
[Flags]
public enum HypervisorMutant
{
    /// <summary>The correct hypervisor.</summary>
    None = 0,

    /// <summary>Unshare unmaps the borrower's page but does not invalidate its TLB entries.</summary>
    SkipTlbInvalidationOnUnmap = 1 << 0,

    /// <summary>Unshare returns a channel page without scrubbing it.</summary>
    SkipScrubOnUnshare = 1 << 1,

    /// <summary>The work persona runs with the personal persona's VMID.</summary>
    WrongVmid = 1 << 2,

    /// <summary>The world switch does not save X30.</summary>
    RegisterNotSaved = 1 << 3,

    /// <summary>The personal persona's stage-2 range is one page too long (it reaches the first work page).</summary>
    Stage2RangeOffByOne = 1 << 4,

    /// <summary>The camera's MMIO is mapped into both personas at boot.</summary>
    DeviceMmioInBothPersonas = 1 << 5,

    /// <summary>Share skips its ownership and direction checks.</summary>
    ShareWithoutChecks = 1 << 6,

    /// <summary>Unshare leaves the page mapped in the borrower's tables.</summary>
    UnshareKeepsBorrowerMapping = 1 << 7,

    /// <summary>The world switch keeps the foreground devices with the old persona.</summary>
    SwitchKeepsForegroundDevices = 1 << 8,

    /// <summary>The world switch hands the foreground devices to the persona leaving the foreground.</summary>
    GrantForegroundDevicesToBackground = 1 << 9,

    /// <summary>Unshare unmaps the page but leaves the ownership metadata saying it is still lent.</summary>
    UnshareKeepsOwnershipMetadata = 1 << 10,

    /// <summary>Share maps the page after the named one into the borrower.</summary>
    ShareMapsNeighbourPage = 1 << 11,

    /// <summary>The remote wipe releases the work pages without scrubbing the first one (the work kernel's code).</summary>
    SkipScrubOnWipe = 1 << 12,

    /// <summary>The storage mediator translates the work persona's sectors from the personal partition's first block.</summary>
    StorageWrongPartitionBase = 1 << 13,

    /// <summary>The storage mediator writes (and reads) the work partition without its cipher: plaintext on the eMMC.</summary>
    WorkPartitionInPlaintext = 1 << 14,

    /// <summary>A modem interrupt is injected into the other persona than the line's.</summary>
    InjectIntoWrongPersona = 1 << 15,

    /// <summary>A released or revoked device's SMMU stream keeps pointing at its table with the old owner's pages (the DMA table is not updated on hand-off).</summary>
    DmaTableNotUpdatedOnHandOff = 1 << 16,

    /// <summary>Removing a page from a device's SMMU table (dmaUnmap, release) issues no SMMU TLB invalidation.</summary>
    SkipSmmuTlbInvalidationOnUnmap = 1 << 17,

    /// <summary>The camera's SMMU stream is left in bypass: it reaches all of memory untranslated.</summary>
    DmaStreamInBypass = 1 << 18,

    /// <summary>dmaMap resolves the IPA through the caller's stage 2 (borrowed pages included) and skips the ownership check.</summary>
    DmaMapTrustsStage2 = 1 << 19,

    /// <summary>The world switch sends no IPI: the other cores keep running the persona that left the foreground.</summary>
    SwitchLeavesOtherCoresInOldPersona = 1 << 20,

    /// <summary>After a power loss the wipe resumes at the journaled step, trusting effects that were lost with RAM (stage 2, TLBs, scrubbed pages).</summary>
    WipeResumesAtJournaledStep = 1 << 21,

    /// <summary>Stage-2 TLB maintenance reaches only the core that made the change, not every core.</summary>
    TlbInvalidationLocalCoreOnly = 1 << 22,

    /// <summary>The wipe stops the work vCPUs without waiting for every core to acknowledge its switch IPI.</summary>
    WipeWithoutStopAcknowledgements = 1 << 23,

    /// <summary>The wipe's device revocation unmaps a work device's registers but leaves its DMA alone: the SMMU stream still
    /// translates through the table holding work pages, and the engine keeps its registers.</summary>
    WipeSkipsDmaRevocation = 1 << 24,

    /// <summary>A world switch restores the incoming persona's context but leaves the outgoing persona's CNTVOFF_EL2 on the core (the
    /// incoming persona's virtual counter jumps to the other persona's time).</summary>
    SwitchRestoresOtherVirtualOffset = 1 << 25,
}
