using Persona.Spec.Concrete;

namespace Persona.Protocols.Model;

/// <summary>The abstraction function: the spec state the machine really is in, counting what the hardware still holds.</summary>
public sealed partial class HypervisorState
{
    /// <summary>
    /// The committed state, corrected by the hardware: a page is mapped for c if c's stage-2 walk finds it or any core still caches it
    /// under c's VMID (a stale TLB entry is a mapping as far as isolation goes); work runs if any core runs it; a device with DMA in
    /// flight is not quiesced and reaches its target page.
    /// </summary>
    public ConcreteState Abstract()
    {
        var changes = new Dictionary<string, object>();
        if (tlb.Count > 0 || stage2Revoked.Count > 0)
        {
            var mapped = (MapValue)Committed[Fields.Mapped.Name];
            foreach (var (owner, page) in stage2Revoked) mapped = StoreNested(mapped, (int)owner, page, false);
            foreach (var e in tlb) mapped = StoreNested(mapped, (int)e.Owner, e.Page, true);
            changes[Fields.Mapped.Name] = mapped;
        }
        if (!WorkRunnable && running.Any(r => r == Component.Work)) changes[Fields.WorkRunnable.Name] = true;
        if (dmaInFlight.Count > 0)
        {
            var quiesced = (MapValue)Committed[Fields.DeviceQuiesced.Name];
            var reach = (MapValue)Committed[Fields.DmaReach.Name];
            foreach (var (device, page) in dmaInFlight)
            {
                quiesced = quiesced.Store(device, false);
                reach = StoreNested(reach, device, page, true);
            }
            changes[Fields.DeviceQuiesced.Name] = quiesced;
            changes[Fields.DmaReach.Name] = reach;
        }
        return changes.Count == 0 ? Committed : Committed.With(changes);
    }

    private static MapValue StoreNested(MapValue outer, object key, object innerKey, object value) =>
        outer.Store(key, ((MapValue)outer.Get(key)).Store(innerKey, value));
}
