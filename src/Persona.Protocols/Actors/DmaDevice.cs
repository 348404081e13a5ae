using Persona.Protocols.Model;
using Persona.Spec.Operations;

namespace Persona.Protocols.Actors;

/// <summary>How a device actor starts.</summary>
/// <param name="Device">The device id.</param>
/// <param name="NeverQuiesces">The fault: the device ignores quiesce requests.</param>
public sealed record DeviceSetup(long Device, bool NeverQuiesces) : Event;

/// <summary>A DMA-capable device: for each new owner it fills its buffers and DMAs them into one of the owner's pages; it quiesces on request.</summary>
[OnEventDoAction(typeof(DeviceAttached), nameof(OnAttached))]
[OnEventDoAction(typeof(DmaComplete), nameof(OnDmaComplete))]
[OnEventDoAction(typeof(QuiesceRequest), nameof(OnQuiesce))]
public sealed class DmaDevice : Actor
{
    private DeviceSetup setup = null!;
    private int closedEpoch = -1;

    private HypervisorState Machine => SharedState<HypervisorState>();

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent) => setup = (DeviceSetup)initialEvent!;

    private void OnAttached(DeviceAttached attached)
    {
        var d = setup.Device;
        if (attached.Epoch <= closedEpoch || !Machine.Holds(attached.Who, d)) return;
        if (!Machine.TryCommit(DeviceOperations.Use, ("who", attached.Who), ("d", d))) return;
        var page = ProtocolWorld.Pages.FirstOrDefault(p => Machine.PageState(attached.Who, p) == PageState.Owned && p != ProtocolWorld.BalloonPage, -1);
        if (page < 0 || !Machine.TryCommit(DeviceOperations.DmaMap, ("d", d), ("p", page))) return;
        Machine.StartDma(d, page);
        Send(Id, new DmaComplete());
    }

    private void OnDmaComplete() => CompleteTransfer();

    private void OnQuiesce(QuiesceRequest request)
    {
        if (setup.NeverQuiesces) return;
        closedEpoch = Math.Max(closedEpoch, request.Epoch);
        CompleteTransfer();
        Send(request.Broker, new DeviceQuiescedAck(setup.Device, request.Epoch));
    }

    private void CompleteTransfer()
    {
        var d = setup.Device;
        if (Machine.DmaTarget(d) is not { } page) return;
        // A transfer already issued lands whatever the SMMU says now; through the spec when the mapping is still there.
        if (!Machine.TryCommit(DeviceOperations.DmaTransfer, ("d", d), ("p", page)))
        {
            var data = (Label)(int)((Spec.Concrete.MapValue)Machine.Committed[Fields.DeviceData.Name]).Get(d);
            Machine.HardwareWrite(page, data);
        }
        Machine.EndDma(d);
    }

    /// <inheritdoc/>
    protected override int HashState() => closedEpoch;
}
