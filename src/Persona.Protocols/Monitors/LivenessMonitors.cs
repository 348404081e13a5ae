namespace Persona.Protocols.Monitors;

/// <summary>Liveness: from IT's wipe command until IT holds the acknowledgement, the monitor is hot.</summary>
public sealed class EveryWipeCompletes : Monitor
{
    [Start]
    [Cold]
    [OnEventGotoState(typeof(WipeOrdered), typeof(Pending))]
    [IgnoreEvents(typeof(WipeAckReceived))]
    private sealed class Settled : State;

    [Hot]
    [OnEventGotoState(typeof(WipeAckReceived), typeof(Settled))]
    [IgnoreEvents(typeof(WipeOrdered))]
    private sealed class Pending : State;
}

/// <summary>Liveness: while a switch request is unanswered the monitor is hot.</summary>
public sealed class EverySwitchCompletes : CountingMonitor;

/// <summary>Liveness: while a device request is unanswered the monitor is hot.</summary>
public sealed class EveryDeviceRequestAnswered : CountingMonitor;

/// <summary>A liveness monitor that is hot while more requests were opened than answered.</summary>
public abstract class CountingMonitor : Monitor
{
    private int open;

    [Start]
    [Cold]
    [OnEventDoAction(typeof(SwitchRequested), nameof(Open))]
    [OnEventDoAction(typeof(SwitchCompleted), nameof(Close))]
    [OnEventDoAction(typeof(DeviceRequested), nameof(Open))]
    [OnEventDoAction(typeof(DeviceRequestAnswered), nameof(Close))]
    private sealed class Answered : State;

    [Hot]
    [OnEventDoAction(typeof(SwitchRequested), nameof(Open))]
    [OnEventDoAction(typeof(SwitchCompleted), nameof(Close))]
    [OnEventDoAction(typeof(DeviceRequested), nameof(Open))]
    [OnEventDoAction(typeof(DeviceRequestAnswered), nameof(Close))]
    private sealed class Waiting : State;

    /// <summary>A request was made.</summary>
    protected void Open()
    {
        open++;
        RaiseGotoStateEvent<Waiting>();
    }

    /// <summary>A request was answered.</summary>
    protected void Close()
    {
        open--;
        if (open == 0) RaiseGotoStateEvent<Answered>();
    }

    /// <inheritdoc/>
    protected override int HashState() => open;
}
