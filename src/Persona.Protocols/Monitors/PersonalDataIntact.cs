using Persona.Protocols.Model;

namespace Persona.Protocols.Monitors;

/// <summary>When IT receives the wipe's acknowledgement, the personal persona still owns its pages and its partition with its data in them.</summary>
public sealed class PersonalDataIntact : Monitor
{
    /// <summary>The personal page nothing but the personal persona (and its own devices) writes: its data must survive the wipe.</summary>
    public const long PersonalDataPage = 0x40004;

    [Start]
    [OnEventDoAction(typeof(WipeAckReceived), nameof(OnAcknowledged))]
    private sealed class Watching : State;

    private void OnAcknowledged()
    {
        var machine = SharedState<HypervisorState>();
        Assert(machine.PageState(Component.Personal, PersonalDataPage) == PageState.Owned && machine.Content(PersonalDataPage) == Label.Personal,
            "personal data lost: the personal data page changed owner or content during the wipe");
        Assert(machine.Partition(Component.Personal) == Label.Personal, "personal data lost: the personal partition changed during the wipe");
    }
}
