namespace Persona.Arm.Platform.Devices;

/// <summary>The GICv3 system registers, by their MRS/MSR encoding packed as in <see cref="Persona.Arm.Contracts.SystemRegisterKey"/>.</summary>
public enum GicSystemRegister
{
    /// <summary>ICC_PMR_EL1: priority mask.</summary>
    IccPmrEl1 = 0xC230, // S3_0_C4_C6_0

    /// <summary>ICC_IAR0_EL1: acknowledge group 0.</summary>
    IccIar0El1 = 0xC640, // S3_0_C12_C8_0

    /// <summary>ICC_EOIR0_EL1: end of group 0 interrupt.</summary>
    IccEoir0El1 = 0xC641, // S3_0_C12_C8_1

    /// <summary>ICC_HPPIR0_EL1: highest pending group 0.</summary>
    IccHppir0El1 = 0xC642, // S3_0_C12_C8_2

    /// <summary>ICC_BPR0_EL1: group 0 binary point.</summary>
    IccBpr0El1 = 0xC643, // S3_0_C12_C8_3

    /// <summary>ICC_AP0R0_EL1: group 0 active priorities.</summary>
    IccAp0r0El1 = 0xC644, // S3_0_C12_C8_4

    /// <summary>ICC_AP1R0_EL1: group 1 active priorities.</summary>
    IccAp1r0El1 = 0xC648, // S3_0_C12_C9_0

    /// <summary>ICC_DIR_EL1: deactivate.</summary>
    IccDirEl1 = 0xC659, // S3_0_C12_C11_1

    /// <summary>ICC_RPR_EL1: running priority.</summary>
    IccRprEl1 = 0xC65B, // S3_0_C12_C11_3

    /// <summary>ICC_SGI1R_EL1: generate group 1 SGI.</summary>
    IccSgi1rEl1 = 0xC65D, // S3_0_C12_C11_5

    /// <summary>ICC_ASGI1R_EL1: generate SGI for the other group.</summary>
    IccAsgi1rEl1 = 0xC65E, // S3_0_C12_C11_6

    /// <summary>ICC_SGI0R_EL1: generate group 0 SGI.</summary>
    IccSgi0rEl1 = 0xC65F, // S3_0_C12_C11_7

    /// <summary>ICC_IAR1_EL1: acknowledge group 1.</summary>
    IccIar1El1 = 0xC660, // S3_0_C12_C12_0

    /// <summary>ICC_EOIR1_EL1: end of group 1 interrupt.</summary>
    IccEoir1El1 = 0xC661, // S3_0_C12_C12_1

    /// <summary>ICC_HPPIR1_EL1: highest pending group 1.</summary>
    IccHppir1El1 = 0xC662, // S3_0_C12_C12_2

    /// <summary>ICC_BPR1_EL1: group 1 binary point.</summary>
    IccBpr1El1 = 0xC663, // S3_0_C12_C12_3

    /// <summary>ICC_CTLR_EL1: control.</summary>
    IccCtlrEl1 = 0xC664, // S3_0_C12_C12_4

    /// <summary>ICC_SRE_EL1: system register enable.</summary>
    IccSreEl1 = 0xC665, // S3_0_C12_C12_5

    /// <summary>ICC_IGRPEN0_EL1: group 0 enable.</summary>
    IccIgrpen0El1 = 0xC666, // S3_0_C12_C12_6

    /// <summary>ICC_IGRPEN1_EL1: group 1 enable.</summary>
    IccIgrpen1El1 = 0xC667, // S3_0_C12_C12_7

    /// <summary>ICC_SRE_EL2: system register enable at EL2.</summary>
    IccSreEl2 = 0xE64D, // S3_4_C12_C9_5

    /// <summary>ICH_AP0R0_EL2: virtual group 0 active priorities.</summary>
    IchAp0r0El2 = 0xE640, // S3_4_C12_C8_0

    /// <summary>ICH_AP1R0_EL2: virtual group 1 active priorities.</summary>
    IchAp1r0El2 = 0xE648, // S3_4_C12_C9_0

    /// <summary>ICH_HCR_EL2: hypervisor control.</summary>
    IchHcrEl2 = 0xE658, // S3_4_C12_C11_0

    /// <summary>ICH_VTR_EL2: VGIC type.</summary>
    IchVtrEl2 = 0xE659, // S3_4_C12_C11_1

    /// <summary>ICH_MISR_EL2: maintenance interrupt status.</summary>
    IchMisrEl2 = 0xE65A, // S3_4_C12_C11_2

    /// <summary>ICH_EISR_EL2: end of interrupt status.</summary>
    IchEisrEl2 = 0xE65B, // S3_4_C12_C11_3

    /// <summary>ICH_ELRSR_EL2: empty list register status.</summary>
    IchElrsrEl2 = 0xE65D, // S3_4_C12_C11_5

    /// <summary>ICH_VMCR_EL2: virtual machine control.</summary>
    IchVmcrEl2 = 0xE65F, // S3_4_C12_C11_7

    /// <summary>ICH_LR0_EL2: list register 0.</summary>
    IchLr0El2 = 0xE660, // S3_4_C12_C12_0

    /// <summary>ICH_LR1_EL2: list register 1.</summary>
    IchLr1El2 = 0xE661, // S3_4_C12_C12_1

    /// <summary>ICH_LR2_EL2: list register 2.</summary>
    IchLr2El2 = 0xE662, // S3_4_C12_C12_2

    /// <summary>ICH_LR3_EL2: list register 3.</summary>
    IchLr3El2 = 0xE663, // S3_4_C12_C12_3
}
