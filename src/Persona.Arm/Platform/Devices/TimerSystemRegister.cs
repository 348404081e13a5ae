namespace Persona.Arm.Platform.Devices;

/// <summary>The generic timer's system registers, by their MRS/MSR encoding packed as in <see cref="Persona.Arm.Contracts.SystemRegisterKey"/>.</summary>
public enum TimerSystemRegister
{
    /// <summary>CNTFRQ_EL0: counter frequency.</summary>
    CntfrqEl0 = 0xDF00, // S3_3_C14_C0_0

    /// <summary>CNTPCT_EL0: physical count.</summary>
    CntpctEl0 = 0xDF01, // S3_3_C14_C0_1

    /// <summary>CNTVCT_EL0: virtual count.</summary>
    CntvctEl0 = 0xDF02, // S3_3_C14_C0_2

    /// <summary>CNTP_TVAL_EL0: EL1 physical timer value.</summary>
    CntpTvalEl0 = 0xDF10, // S3_3_C14_C2_0

    /// <summary>CNTP_CTL_EL0: EL1 physical timer control.</summary>
    CntpCtlEl0 = 0xDF11, // S3_3_C14_C2_1

    /// <summary>CNTP_CVAL_EL0: EL1 physical timer compare value.</summary>
    CntpCvalEl0 = 0xDF12, // S3_3_C14_C2_2

    /// <summary>CNTV_TVAL_EL0: virtual timer value.</summary>
    CntvTvalEl0 = 0xDF18, // S3_3_C14_C3_0

    /// <summary>CNTV_CTL_EL0: virtual timer control.</summary>
    CntvCtlEl0 = 0xDF19, // S3_3_C14_C3_1

    /// <summary>CNTV_CVAL_EL0: virtual timer compare value.</summary>
    CntvCvalEl0 = 0xDF1A, // S3_3_C14_C3_2

    /// <summary>CNTKCTL_EL1: EL0 access control.</summary>
    CntkctlEl1 = 0xC708, // S3_0_C14_C1_0

    /// <summary>CNTHCTL_EL2: EL1 access control.</summary>
    CnthctlEl2 = 0xE708, // S3_4_C14_C1_0

    /// <summary>CNTVOFF_EL2: virtual offset.</summary>
    CntvoffEl2 = 0xE703, // S3_4_C14_C0_3

    /// <summary>CNTHP_TVAL_EL2: EL2 physical timer value.</summary>
    CnthpTvalEl2 = 0xE710, // S3_4_C14_C2_0

    /// <summary>CNTHP_CTL_EL2: EL2 physical timer control.</summary>
    CnthpCtlEl2 = 0xE711, // S3_4_C14_C2_1

    /// <summary>CNTHP_CVAL_EL2: EL2 physical timer compare value.</summary>
    CnthpCvalEl2 = 0xE712, // S3_4_C14_C2_2
}
