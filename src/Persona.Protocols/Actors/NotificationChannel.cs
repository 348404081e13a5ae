using Persona.Protocols.Model;
using Persona.Protocols.Monitors;
using Persona.Spec.Operations;

namespace Persona.Protocols.Actors;

/// <summary>How the work side's notifying app starts.</summary>
/// <param name="Inbox">The personal side's notification inbox.</param>
/// <param name="Broker">The device broker (the app also asks for the camera).</param>
/// <param name="Notifications">How many notifications it posts.</param>
/// <param name="Bugs">The seeded bugs switched on.</param>
public sealed record NotifierSetup(ActorId Inbox, ActorId Broker, int Notifications, ProtocolBugs Bugs) : Event;

/// <summary>A work app: posts notification metadata on the channel page and rings the personal side's doorbell; then asks for the camera.</summary>
[OnEventDoAction(typeof(Tick), nameof(OnTick))]
[OnEventDoAction(typeof(DeviceAnswer), nameof(OnDevice))]
public sealed class WorkNotifier : Actor
{
    private NotifierSetup setup = null!;
    private int left;

    private HypervisorState Machine => SharedState<HypervisorState>();

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        setup = (NotifierSetup)initialEvent!;
        left = setup.Notifications;
        Send(Id, new Tick());
    }

    private void OnTick()
    {
        if (left-- <= 0)
        {
            Monitor<EveryDeviceRequestAnswered>(new DeviceRequested());
            Send(setup.Broker, new DeviceRequest(ProtocolWorld.Camera, Component.Work, Id));
            return;
        }
        var page = ProtocolWorld.ChannelPage;
        bool posted;
        if (Machine.WorkRunnable && Machine.WalkFinds(Component.Work, page) && Machine.Content(page) != Label.Work && BugOn())
        {
            // The seeded bug: the message body (work data) goes on the channel, not just the metadata.
            Machine.HardwareWrite(page, Label.Work);
            posted = true;
        }
        else
        {
            // The spec's guard decides whether the work guest can post at all (it cannot once the wipe stopped it).
            posted = Machine.TryCommit(PageOperations.PostNotification, ("who", Component.Work), ("p", page));
        }
        if (posted) Send(setup.Inbox, new Doorbell());
        Send(Id, new Tick());
    }

    private bool BugOn() => (setup.Bugs & ProtocolBugs.ChannelCarriesBody) != 0;

    private void OnDevice() => Monitor<EveryDeviceRequestAnswered>(new DeviceRequestAnswered());

    /// <inheritdoc/>
    protected override int HashState() => left;
}

/// <summary>The personal side's notification inbox: counts the doorbells it answers by reading the channel page.</summary>
[OnEventDoAction(typeof(Doorbell), nameof(OnDoorbell))]
public sealed class PersonalInbox : Actor
{
    private int received;

    private void OnDoorbell() => received++;

    /// <inheritdoc/>
    protected override int HashState() => received;
}
