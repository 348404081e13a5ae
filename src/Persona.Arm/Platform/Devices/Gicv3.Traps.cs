using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

/// <summary>The CPU interface's traps to EL2: an EL1 write of ICC_SGI0R/SGI1R/ASGI1R_EL1 traps when ICH_HCR_EL2.TC, HCR_EL2.IMO or
/// HCR_EL2.FMO is set (the Arm ARM's order), so a guest cannot signal other cores' physical SGIs behind the hypervisor's back.</summary>
/// <remarks>Not modelled: TC's traps of the other common registers (ICC_CTLR, ICC_DIR, ICC_PMR, ICC_RPR: these go to the ICV_*
/// registers under IMO/FMO anyway), TALL0/TALL1/TDIR, and ICC_SRE_EL1.SRE = 0 (SRE is RAO/WI here, as on QEMU).</remarks>
public sealed partial class Gicv3
{
    private const ulong IchHcrTrapCommon = 1 << 10;

    /// <inheritdoc />
    public int? TrapLevel(SystemRegisterAccess access, bool isRead)
    {
        var register = (GicSystemRegister)access.Register.Packed;
        if (isRead || access.ExceptionLevel != 1 || access.CoreId >= CoreCount
            || register is not (GicSystemRegister.IccSgi0rEl1 or GicSystemRegister.IccSgi1rEl1 or GicSystemRegister.IccAsgi1rEl1))
            return null;
        var trapped = (cpus[access.CoreId].Virtual.Control & IchHcrTrapCommon) != 0 || (access.HcrEl2 & (HcrImo | HcrFmo)) != 0;
        return trapped ? 2 : null;
    }
}
