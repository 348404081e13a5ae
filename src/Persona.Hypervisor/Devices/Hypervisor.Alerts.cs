using Persona.Arm.Cpu;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Notifications across the personas: an app alert reaches its persona's alert inbox (and its alert interrupt); the persona
/// posts it on the notification channel page itself (the spec's <c>postNotification</c>, which the validator infers from the page) and
/// rings the other persona's doorbell (<see cref="Hypercall.Notify"/>), which the hypervisor turns into that persona's note interrupt.</summary>
public sealed partial class Hypervisor
{
    private readonly AlertInbox[] alertInboxes = [new(), new()];

    /// <summary>A persona's alert inbox.</summary>
    public AlertInbox AlertInboxOf(Component persona) => alertInboxes[(int)persona];

    /// <summary>An app alert arrives for <see cref="Notification.From"/>: into its inbox, with its alert interrupt (a background
    /// persona takes it when it next runs).</summary>
    private void DeliverAlert(Core core, Notification notification)
    {
        var from = notification.From;
        if (IsHalted(from) || !alertInboxes[(int)from].Add(notification.Text))
        {
            Note($"{from}: alert for {notification.To} not delivered ({(IsHalted(from) ? "persona stopped" : "inbox full")})");
            return;
        }
        Note($"{from}: alert for {notification.To} in its inbox");
        Inject(core, from, VirtualInterrupt.Alert);
    }

    private ulong EmulateAlertInbox(Component persona, ulong offset, bool write)
    {
        if (!write)
            return alertInboxes[(int)persona].Read(offset);
        alertInboxes[(int)persona].Write(offset);
        return 0;
    }

    /// <summary>HC_NOTIFY: the caller posted a note on the channel; the other persona gets its note interrupt (unless it has stopped).</summary>
    private HypercallResult RingDoorbell(Core core, Component from)
    {
        var to = HypervisorLayout.Other(from);
        if (IsHalted(to))
            return HypercallResult.Denied;
        Inject(core, to, VirtualInterrupt.Note);
        return HypercallResult.Ok;
    }
}
