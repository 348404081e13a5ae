using Persona.Protocols.Model;

namespace Persona.Protocols.Actors;

/// <summary>How a core runner starts.</summary>
/// <param name="Core">The physical core number.</param>
/// <param name="Persona">The persona whose vCPU it runs at boot.</param>
/// <param name="Slices">How many time slices it runs before the iteration's activity ends.</param>
/// <param name="MayGoOffline">Whether the core may go offline when a wipe's IPI reaches it (the fault).</param>
public sealed record CoreSetup(int Core, Component Persona, int Slices, bool MayGoOffline) : Event;

/// <summary>A vCPU runner on one physical core: runs either persona's vCPU, caching translations, and answers IPIs.</summary>
/// <remarks>Core 0 runs the foreground persona, so its registers are the live context the spec's switch rules speak of.</remarks>
[OnEventDoAction(typeof(Tick), nameof(OnTick))]
[OnEventDoAction(typeof(StopVcpu), nameof(OnStop))]
[OnEventDoAction(typeof(ScheduleVcpu), nameof(OnSchedule))]
[OnEventDoAction(typeof(TlbInvalidate), nameof(OnInvalidate))]
public sealed class CoreRunner : Actor
{
    private CoreSetup setup = null!;
    private int slicesLeft;
    private bool workBanned;

    private HypervisorState Machine => SharedState<HypervisorState>();

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        setup = (CoreSetup)initialEvent!;
        slicesLeft = setup.Slices;
        Machine.SetRunning(setup.Core, setup.Persona);
        Send(Id, new Tick());
    }

    private void OnTick()
    {
        if (Machine.IsOffline(setup.Core) || slicesLeft-- <= 0) return;
        if (Machine.Running(setup.Core) is { } persona)
        {
            // The guest touches one of its pages: the walk (or a cached translation) lets it store its data there.
            var candidates = ProtocolWorld.Pages
                .Where(p => p != ProtocolWorld.ChannelPage && (Machine.WalkFinds(persona, p) || Machine.Cached(new TlbEntry(setup.Core, persona, p))))
                .ToList();
            if (candidates.Count > 0)
            {
                var page = candidates[RandomInteger(candidates.Count)];
                Machine.Cache(new TlbEntry(setup.Core, persona, page));
                Machine.HardwareWrite(page, persona == Component.Work ? Label.Work : Label.Personal);
            }
            if (setup.Core == 0) Machine.LoadLiveRegisters(persona == Component.Work ? Label.Work : Label.Personal);
        }
        Send(Id, new Tick());
    }

    private void OnStop(StopVcpu stop)
    {
        if (Machine.IsOffline(setup.Core)) return;
        if (stop.Forever && setup.MayGoOffline && RandomBoolean())
        {
            // The fault: the core powers down instead of answering; its TLB goes with it.
            Machine.TakeOffline(setup.Core);
            return;
        }
        if (stop.Forever && stop.Persona == Component.Work) workBanned = true;
        if (Machine.Running(setup.Core) == stop.Persona) Machine.SetRunning(setup.Core, null);
        Send(stop.ReplyTo, new IpiAck(setup.Core, stop.Sequence));
    }

    private void OnSchedule(ScheduleVcpu schedule)
    {
        if (Machine.IsOffline(setup.Core)) return;
        if (schedule.Persona == Component.Work && workBanned) return;
        Machine.SetRunning(setup.Core, schedule.Persona);
    }

    private void OnInvalidate(TlbInvalidate invalidate)
    {
        if (Machine.IsOffline(setup.Core)) return;
        Machine.Invalidate(setup.Core, invalidate.Owner, invalidate.Page);
        Send(invalidate.ReplyTo, new IpiAck(setup.Core, invalidate.Sequence));
    }

    /// <inheritdoc/>
    protected override int HashState() => HashCode.Combine(slicesLeft, workBanned);
}
