using Persona.Protocols.Monitors;

namespace Persona.Protocols.Actors;

/// <summary>What the handset's user and its modem do in one iteration.</summary>
/// <param name="SwitchManager">The world-switch manager.</param>
/// <param name="Broker">The device broker.</param>
public sealed record HandsetSetup(ActorId SwitchManager, ActorId Broker) : Event;

/// <summary>The user: brings work to the foreground and back, and asks for the camera on the personal side.</summary>
[OnEventDoAction(typeof(SwitchAnswered), nameof(OnSwitched))]
[OnEventDoAction(typeof(DeviceAnswer), nameof(OnDevice))]
public sealed class HandsetUser : Actor
{
    private HandsetSetup setup = null!;
    private int switches;

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        setup = (HandsetSetup)initialEvent!;
        RequestSwitch(Component.Work);
        Monitor<EveryDeviceRequestAnswered>(new DeviceRequested());
        Send(setup.Broker, new DeviceRequest(Model.ProtocolWorld.Camera, Component.Personal, Id));
    }

    private void RequestSwitch(Component to)
    {
        switches++;
        Monitor<EverySwitchCompletes>(new SwitchRequested());
        Send(setup.SwitchManager, new SwitchRequest(to, SwitchOrigin.User, Id));
    }

    private void OnSwitched()
    {
        Monitor<EverySwitchCompletes>(new SwitchCompleted());
        if (switches == 1) RequestSwitch(Component.Personal);
    }

    private void OnDevice() => Monitor<EveryDeviceRequestAnswered>(new DeviceRequestAnswered());

    /// <inheritdoc/>
    protected override int HashState() => switches;
}

/// <summary>The modem: an incoming call for the work persona, which is in the background, brings it forward.</summary>
[OnEventDoAction(typeof(SwitchAnswered), nameof(OnSwitched))]
public sealed class Modem : Actor
{
    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        var setup = (HandsetSetup)initialEvent!;
        Monitor<EverySwitchCompletes>(new SwitchRequested());
        Send(setup.SwitchManager, new SwitchRequest(Component.Work, SwitchOrigin.IncomingCall, Id));
    }

    private void OnSwitched() => Monitor<EverySwitchCompletes>(new SwitchCompleted());
}
