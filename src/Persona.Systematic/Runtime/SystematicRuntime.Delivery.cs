using Persona.Systematic.Actors;
using Persona.Systematic.Faults;
using Persona.Systematic.Specifications;

namespace Persona.Systematic.Runtime;

/// <summary>Delivering buffered effects: sends (directly or through a faulty link), creates, monitor notifications, timers, crashes.</summary>
internal sealed partial class SystematicRuntime
{
    internal void Deliver(Actor sender, in Effect effect)
    {
        switch (effect.Kind)
        {
            case EffectKind.Send:
                Route(sender.Id, effect.Target!, effect.Event!, effect.Options);
                break;
            case EffectKind.Create:
                CreateActorCore(sender.Id, effect.Target!, effect.Event);
                break;
            case EffectKind.Monitor:
                InvokeMonitor(effect.MonitorType!, effect.Event!);
                break;
            case EffectKind.StartTimer:
                if (stoppedTimers.Remove(effect.Timer!)) break;
                AddOperation(new TimerOperation(opCount, this, SlotOf(sender.Id), sender, effect.Timer!, config.TimeoutDelay));
                Observer?.OnTimer(effect.Timer!, "started");
                break;
        }
    }

    /// <summary>Stops a timer during its owner's handler; a start still buffered is cancelled when it is delivered.</summary>
    internal void StopTimer(TimerInfo timer)
    {
        for (int i = 0; i < opCount; i++)
        {
            if (ops[i] is TimerOperation t && ReferenceEquals(t.Info, timer))
            {
                t.Active = false;
                Observer?.OnTimer(timer, "stopped");
                return;
            }
        }
        stoppedTimers.Add(timer);
    }

    private void Route(ActorId from, ActorId to, Event e, SendOptions options)
    {
        if (to.Value < 0) Fail(BugKind.AssertionFailure, $"{from} sent {e.GetType().Name} to an actor that does not exist yet.");
        if (links is not null && links.TryGetValue(LinkKey(from.Value, to.Value), out var link))
        {
            link.Add(e, options);
            Observer?.OnSend(from, to, e, viaLink: true);
            return;
        }
        Enqueue(from, to, e, options);
    }

    /// <summary>Puts an event into the receiver's inbox, or drops it if the receiver has halted.</summary>
    internal void Enqueue(ActorId? from, ActorId to, Event e, SendOptions options)
    {
        var target = SlotOf(to).Actor;
        Observer?.OnSend(from, to, e, viaLink: false);
        if (target.Halted)
        {
            if (options.MustHandle) Fail(BugKind.MustHandleViolated, $"{to} had halted when {e.GetType().Name} (MustHandle) arrived.");
            return;
        }
        target.InboxEvents.Add(e, options.MustHandle);
        target.InboxOrStackChanged();
        if (options.MaxInstancesInInbox > 0)
        {
            int count = target.InboxEvents.CountOfType(e.GetType());
            if (count > options.MaxInstancesInInbox)
            {
                Fail(BugKind.InboxBoundExceeded, $"{to} holds {count} {e.GetType().Name} events, more than the {options.MaxInstancesInInbox} the send allowed.");
            }
        }
    }

    internal void InvokeMonitor(Type monitorType, Event e)
    {
        foreach (var m in monitors)
        {
            if (ReferenceEquals(m.GetType(), monitorType))
            {
                Observer?.OnMonitorEvent(m, e);
                m.Handle(e);
                return;
            }
        }
    }

    internal int ResourceOfSend(ActorId from, ActorId to)
    {
        if (to.Value < 0) return Footprint.Allocator;
        if (links is not null && links.TryGetValue(LinkKey(from.Value, to.Value), out var link)) return link.Id;
        return to.Value;
    }

    internal int ResourceOfMonitor(Type monitorType)
    {
        foreach (var m in monitors)
        {
            if (ReferenceEquals(m.GetType(), monitorType)) return Footprint.MonitorResource(m.Number);
        }
        return Footprint.MonitorResource(-1);
    }

    /// <summary>Crashes an actor: its inbox, buffered effects and timers are lost; with restart a fresh instance takes the same id.</summary>
    internal void Crash(ActorSlot slot, bool restart)
    {
        var old = slot.Actor;
        old.Halted = true;
        old.InboxEvents.Clear();
        old.InboxOrStackChanged();
        old.Effects.Clear();
        Observer?.OnCrashed(old.Id, restart);
        foreach (var m in monitors)
        {
            m.OnActorCrashed(old.Id);
            m.AfterCrashNotice();
        }
        if (!restart) return;
        var fresh = (Actor)old.Model.Factory!();
        fresh.Runtime = this;
        fresh.Model = old.Model;
        fresh.Id = old.Id;
        fresh.InitialEvent = old.InitialEvent;
        fresh.RestartCount = old.RestartCount + 1;
        slot.Actor = fresh;
    }
}
