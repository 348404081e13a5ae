using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;

namespace Persona.Systematic.Faults;

/// <summary>
/// A timer under test. Time is not modelled: each time it is scheduled it fires only if
/// <c>RandomInteger(delay) == 0 &amp;&amp; RandomBoolean()</c>, Coyote's rule for its mock timers.
/// </summary>
internal sealed class TimerOperation(int id, SystematicRuntime runtime, ActorSlot ownerSlot, Actor owner, TimerInfo info, int delay)
    : Operation(id, $"timer {info.Number} of {owner.Id}")
{
    private readonly TimerElapsedEvent elapsed = new(info);

    public TimerInfo Info { get; } = info;

    public bool Active { get; set; } = true;

    public override bool IsEnabled => Active && ReferenceEquals(ownerSlot.Actor, owner) && !owner.Halted;

    public override PointKind NextPoint => PointKind.TimerFire;

    public override Footprint NextFootprint => new(ownerSlot.Id, Id);

    // Counting the steps since the last firing keeps a cycle in which the timer never fires from looking like a repeat, so such unfair cycles are not mistaken for lassos.
    private int stepsSinceFire;

    public override int HashState() => HashCode.Combine(Active, Info.Number, stepsSinceFire);

    public override void Step()
    {
        bool fire = runtime.ChooseInteger(delay) == 0 && runtime.ChooseBoolean();
        if (!fire)
        {
            stepsSinceFire++;
            return;
        }
        stepsSinceFire = 0;
        if (!Info.Periodic) Active = false;
        runtime.Observer?.OnTimer(Info, "fired");
        runtime.Enqueue(null, owner.Id, elapsed, default);
    }
}
