namespace Persona.Arm.Contracts;

/// <summary>A platform component that implements some system registers itself: the GIC CPU and virtual interfaces, the generic timer.</summary>
/// <remarks>The core asks its devices in order for any MRS/MSR it does not own, after the core has applied its own
/// trap checks (HCR_EL2, CPTR, ...). The device sees the accessing core so it can apply ICC→ICV redirection and per-core state.</remarks>
public interface ISystemRegisterDevice
{
    /// <summary>Reads the register; false when this device does not implement it.</summary>
    bool TryRead(SystemRegisterAccess access, out ulong value);

    /// <summary>Writes the register; false when this device does not implement it.</summary>
    bool TryWrite(SystemRegisterAccess access, ulong value);

    /// <summary>The exception level an MRS (<paramref name="isRead"/>) or MSR of one of this device's registers traps to (EC 0x18),
    /// by the device's own trap controls (CNTKCTL_EL1, CNTHCTL_EL2, ICH_HCR_EL2, HCR_EL2.IMO/FMO for SGIs); null when it proceeds.</summary>
    /// <remarks>The core asks every device before accessing any of them; a device answers null for registers it does not implement.</remarks>
    int? TrapLevel(SystemRegisterAccess access, bool isRead) => null;
}

/// <summary>One MRS or MSR as the platform sees it: which core, at which exception level, with which routing, to which register.</summary>
/// <param name="CoreId">The accessing core's index.</param>
/// <param name="ExceptionLevel">The exception level of the access (0, 1 or 2).</param>
/// <param name="HcrEl2">The core's HCR_EL2 at the time of the access (IMO/FMO decide ICC versus ICV).</param>
/// <param name="Register">The register's encoding.</param>
/// <param name="InstructionsIntoSlice">Instructions the core has retired in its current run slice before this access, which the
/// platform's clock has not counted yet: the generic timer adds them so that a counter read mid-slice sees the exact time.</param>
public readonly record struct SystemRegisterAccess(int CoreId, int ExceptionLevel, ulong HcrEl2, SystemRegisterKey Register, ulong InstructionsIntoSlice = 0);

/// <summary>A system register encoding op0:op1:CRn:CRm:op2, packed as in the MRS/MSR instruction bits [20:5].</summary>
/// <param name="Packed">(op0&lt;&lt;14)|(op1&lt;&lt;11)|(CRn&lt;&lt;7)|(CRm&lt;&lt;3)|op2.</param>
public readonly record struct SystemRegisterKey(int Packed)
{
    /// <summary>Builds a key from its five fields, as written S{op0}_{op1}_C{CRn}_C{CRm}_{op2}.</summary>
    public static SystemRegisterKey Of(int op0, int op1, int crn, int crm, int op2) =>
        new((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);

    /// <summary>The register in the assembler's generic form, e.g. S3_4_C1_C1_0.</summary>
    public override string ToString() =>
        $"S{Packed >> 14}_{(Packed >> 11) & 7}_C{(Packed >> 7) & 15}_C{(Packed >> 3) & 15}_{Packed & 7}";
}
