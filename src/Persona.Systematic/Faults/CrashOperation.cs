using Persona.Systematic.Runtime;

namespace Persona.Systematic.Faults;

/// <summary>The failure injector for one actor: each time it is scheduled it decides (a recorded boolean) whether the actor crashes now.</summary>
internal sealed class CrashOperation(int id, SystematicRuntime runtime, ActorSlot victim, int maxCrashes, bool restart)
    : Operation(id, $"crash injector of {victim.Name}")
{
    private int remaining = maxCrashes;

    public override bool IsEnabled => remaining > 0 && victim.Actor.Initialized && !victim.Actor.Halted;

    public override PointKind NextPoint => PointKind.Crash;

    public override Footprint NextFootprint => new(victim.Id, Id);

    public override int HashState() => remaining;

    public override void Step()
    {
        remaining--;
        if (runtime.ChooseBoolean()) runtime.Crash(victim, restart);
    }
}
