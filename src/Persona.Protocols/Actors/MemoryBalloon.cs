using Persona.Protocols.Model;
using Persona.Spec.Operations;

namespace Persona.Protocols.Actors;

/// <summary>Takes the ballooned page back after it was donated (a later step than the donation).</summary>
public sealed record ReclaimBalloonPage : Event;

/// <summary>
/// A stage-2 ownership change with its TLB shoot-down: the personal persona balloons a page out to the hypervisor. The hypervisor
/// clears the stage-2 entry, invalidates it on every core, and only once every online core acknowledged does the page change hands;
/// later the persona takes it back from its quota.
/// </summary>
[OnEventDoAction(typeof(ReclaimBalloonPage), nameof(OnReclaim))]
public sealed class MemoryBalloon : IpiSender
{
    private const long Page = ProtocolWorld.BalloonPage;

    /// <inheritdoc/>
    protected override void Start()
    {
        if (Machine.PageState(Component.Personal, Page) != PageState.Owned) return;
        Machine.RevokeStage2(Component.Personal, Page);
        SendIpis(seq => new TlbInvalidate(Component.Personal, Page, seq, Id));
    }

    /// <inheritdoc/>
    protected override void OnIpisDone()
    {
        var args = new (string, object)[] { ("from", Component.Personal), ("p", Page) };
        Assert(Refinement.Commit(Machine, PageOperations.Donate, args), Refinement.Failure(PageOperations.Donate, args));
        Send(Id, new ReclaimBalloonPage());
    }

    private void OnReclaim()
    {
        var args = new (string, object)[] { ("to", Component.Personal), ("p", Page) };
        Assert(Refinement.Commit(Machine, PageOperations.Reclaim, args), Refinement.Failure(PageOperations.Reclaim, args));
    }
}
