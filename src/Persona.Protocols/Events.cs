namespace Persona.Protocols;

/// <summary>A core runner's next time slice.</summary>
public sealed record Tick : Event;

/// <summary>IPI: stop running <paramref name="Persona"/>'s vCPU on this core (and, for a wipe, never run it again).</summary>
/// <param name="Persona">The persona to stop.</param>
/// <param name="Forever">Whether the core must never schedule it again (the wipe).</param>
/// <param name="Sequence">Matches the acknowledgement to the request.</param>
/// <param name="ReplyTo">Who waits for the acknowledgement.</param>
public sealed record StopVcpu(Component Persona, bool Forever, int Sequence, ActorId ReplyTo) : Event;

/// <summary>IPI: invalidate the TLB entries of <paramref name="Owner"/> (every page when <paramref name="Page"/> is null).</summary>
/// <param name="Owner">The VMID's component.</param>
/// <param name="Page">The page, or null for all.</param>
/// <param name="Sequence">Matches the acknowledgement to the request.</param>
/// <param name="ReplyTo">Who waits for the acknowledgement.</param>
public sealed record TlbInvalidate(Component Owner, long? Page, int Sequence, ActorId ReplyTo) : Event;

/// <summary>A core acknowledges an IPI.</summary>
/// <param name="Core">The core.</param>
/// <param name="Sequence">The request's sequence number.</param>
public sealed record IpiAck(int Core, int Sequence) : Event;

/// <summary>Schedule a persona's vCPU on the core.</summary>
/// <param name="Persona">The persona.</param>
public sealed record ScheduleVcpu(Component Persona) : Event;

/// <summary>The user brings a persona to the foreground, or an incoming call or notification does.</summary>
/// <param name="To">The persona to bring forward.</param>
/// <param name="Origin">What asked for it.</param>
/// <param name="ReplyTo">Who is told when the switch completes or is refused.</param>
public sealed record SwitchRequest(Component To, SwitchOrigin Origin, ActorId? ReplyTo) : Event;

/// <summary>The switch manager answers a switch request.</summary>
/// <param name="To">The persona asked for.</param>
/// <param name="Done">Whether the persona is now in the foreground.</param>
public sealed record SwitchAnswered(Component To, bool Done) : Event;

/// <summary>The wipe coordinator asks the switch manager to keep the work persona out of the foreground from now on.</summary>
/// <param name="ReplyTo">The coordinator.</param>
public sealed record SecureForegroundForWipe(ActorId ReplyTo) : Event;

/// <summary>The personal persona is in the foreground and work will not be brought forward again.</summary>
public sealed record ForegroundSecured : Event;

/// <summary>A persona asks the broker for a device.</summary>
/// <param name="Device">The device.</param>
/// <param name="Who">The asking persona.</param>
/// <param name="ReplyTo">Who receives the answer.</param>
public sealed record DeviceRequest(long Device, Component Who, ActorId ReplyTo) : Event;

/// <summary>The broker answers a device request.</summary>
/// <param name="Device">The device.</param>
/// <param name="Who">The asking persona.</param>
/// <param name="Granted">Whether the persona now holds the device.</param>
public sealed record DeviceAnswer(long Device, Component Who, bool Granted) : Event;

/// <summary>The hypervisor asks the broker to take a device from its owner (a world switch, or a wipe).</summary>
/// <param name="Device">The device.</param>
/// <param name="ForWipe">Whether this is the wipe's revocation (the spec's wipeRevokeDevice) rather than a hand-off (release).</param>
/// <param name="ReplyTo">Who waits for <see cref="DeviceRevoked"/>.</param>
public sealed record RevokeDevice(long Device, bool ForWipe, ActorId ReplyTo) : Event;

/// <summary>The hypervisor hands a free device to a persona (the display after a switch).</summary>
/// <param name="Device">The device.</param>
/// <param name="Who">The new owner.</param>
/// <param name="ReplyTo">Who waits for the answer.</param>
public sealed record GrantDevice(long Device, Component Who, ActorId ReplyTo) : Event;

/// <summary>The broker has taken the device (quiesced and scrubbed).</summary>
/// <param name="Device">The device.</param>
public sealed record DeviceRevoked(long Device) : Event;

/// <summary>The broker asks a device to finish or cancel what it has in flight.</summary>
/// <param name="Broker">Whom to answer.</param>
/// <param name="Epoch">The grant being revoked: an attach of this grant or an older one that arrives later is stale.</param>
public sealed record QuiesceRequest(ActorId Broker, int Epoch) : Event;

/// <summary>A device reports nothing in flight.</summary>
/// <param name="Device">The device.</param>
/// <param name="Epoch">The grant the quiesce request revoked (an answer to an older, timed-out request does not count).</param>
public sealed record DeviceQuiescedAck(long Device, int Epoch) : Event;

/// <summary>A device starts serving its new owner (a DMA into one of the owner's pages).</summary>
/// <param name="Who">The owner.</param>
/// <param name="Epoch">The grant's number for this device (boot grants are 0).</param>
public sealed record DeviceAttached(Component Who, int Epoch) : Event;

/// <summary>A DMA transfer's completion interrupt.</summary>
public sealed record DmaComplete : Event;

/// <summary>The management authority's authorised remote-wipe command (repeated until acknowledged).</summary>
/// <param name="Issuer">The authority.</param>
/// <param name="ReplyTo">Where the acknowledgement goes.</param>
public sealed record WipeCommand(Authority Issuer, ActorId ReplyTo) : Event;

/// <summary>The hypervisor acknowledges the completed wipe to IT.</summary>
public sealed record WipeAcknowledged : Event;

/// <summary>A doorbell on the notification channel: a notification was posted for the other persona.</summary>
public sealed record Doorbell : Event;

/// <summary>Resends the IPIs of a shoot-down still waiting for acknowledgements.</summary>
public sealed record Retry : Event;

/// <summary>What asked for a world switch.</summary>
public enum SwitchOrigin
{
    /// <summary>The user chose the persona.</summary>
    User,

    /// <summary>An incoming call or notification for the background persona.</summary>
    IncomingCall,

    /// <summary>The wipe coordinator made the personal persona the foreground.</summary>
    Wipe,
}

/// <summary>Monitor notification: a wipe was ordered.</summary>
public sealed record WipeOrdered : Event;

/// <summary>Monitor notification: IT received the wipe's acknowledgement.</summary>
public sealed record WipeAckReceived : Event;

/// <summary>Monitor notification: a switch was requested.</summary>
public sealed record SwitchRequested : Event;

/// <summary>Monitor notification: a switch request was answered.</summary>
public sealed record SwitchCompleted : Event;

/// <summary>Monitor notification: a device was requested.</summary>
public sealed record DeviceRequested : Event;

/// <summary>Monitor notification: a device request was answered.</summary>
public sealed record DeviceRequestAnswered : Event;
