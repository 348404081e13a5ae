using Persona.Arm.Contracts;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>The optional guest memory access hook: reported from the slow data path only, so it costs nothing when unset.</summary>
public sealed partial class Core
{
    private IMemoryAccessObserver? accessObserver;

    // True when the fast data paths must be skipped: SCTLR_ELx.A checks alignment, or an access observer must see every access.
    private bool dataFastPathDisabled;

    /// <summary>Told of every data access that completes translation (null, the default, for none).</summary>
    public IMemoryAccessObserver? AccessObserver
    {
        get => accessObserver;
        set
        {
            accessObserver = value;
            UpdateDataFastPath();
        }
    }

    private void UpdateDataFastPath()
    {
        dataFastPathDisabled = alignmentChecked || accessObserver is not null;
        ForgetFastTlb();
    }

    // Reports a translated access; the main TLB slot for the VA holds its translation, since the access just used it.
    private void ReportAccess(ulong va, int size, bool isWrite)
    {
        if (accessObserver is not { } observer)
            return;
        ref var entry = ref Tlb.Slot(va >> 12, tlbSalt);
        var pageOffset = va & 0xFFF;
        ulong? ipa = stage2Enabled ? (entry.IntermediatePage << 12) | pageOffset : null;
        observer.OnAccess(new MemoryAccess(CoreId, exceptionLevel, va, ipa, entry.PhysicalPage | pageOffset, size, isWrite));
    }
}
