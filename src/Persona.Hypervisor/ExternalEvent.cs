using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Something from outside the guests that the hypervisor acts on at its next trap: the user, the phone network, IT.</summary>
/// <remarks>To add a kind (say a remote wipe order), derive a record here and handle it in <c>Hypervisor.ApplyExternalEvent</c>;
/// the scenario parser maps a directive to it in its event table.</remarks>
public abstract record ExternalEvent;

/// <summary>The user brings the other persona to the foreground (the persona switch on the lock screen), or a named one.</summary>
/// <param name="To">The persona the user picks (nothing happens when it is already in front), or null for whichever is not.</param>
public sealed record UserSwitch(Component? To = null) : ExternalEvent;

/// <summary>A call comes in on a persona's modem line.</summary>
/// <param name="Line">Whose line rings.</param>
/// <param name="Caller">The caller's number.</param>
public sealed record IncomingCall(Component Line, uint Caller) : ExternalEvent;

/// <summary>An app alert for one persona, which it posts on the notification channel for the other (the scenario's <c>notify</c>).</summary>
/// <param name="From">The persona whose app raised the alert (it posts the note).</param>
/// <param name="To">The persona that receives the note (the other one).</param>
/// <param name="Text">The alert's text (printable ASCII, at most <see cref="Devices.AlertInbox.MaxLength"/> characters).</param>
public sealed record Notification(Component From, Component To, string Text) : ExternalEvent;

/// <summary>The remote side hangs up the call on a line (the line in a call when none is named).</summary>
/// <param name="Line">Whose line, or null for the line that is in a call.</param>
public sealed record RemoteHangUp(Component? Line) : ExternalEvent;

/// <summary>IT orders the remote wipe of the work persona (it takes effect at the trap that applies it, as <c>ScheduleRemoteWipe</c>
/// does at a trap number).</summary>
public sealed record RemoteWipeOrder : ExternalEvent;
