using Persona.Systematic.Actors;

namespace Persona.Systematic.Runtime;

/// <summary>The operation of one actor: it delivers the actor's buffered effects one per step, else starts it or dequeues.</summary>
internal sealed class ActorSlot(int id, SystematicRuntime runtime, Actor actor) : Operation(id, actor.Id.ToString())
{
    /// <summary>The current instance; a crash with restart replaces it.</summary>
    public Actor Actor { get; set; } = actor;

    public override bool IsEnabled => Actor.HasWork;

    public override PointKind NextPoint
    {
        get
        {
            if (Actor.Effects.Count > 0)
            {
                return Actor.Effects.Peek().Kind switch
                {
                    EffectKind.Send => PointKind.Send,
                    EffectKind.Create => PointKind.Create,
                    EffectKind.Monitor => PointKind.Monitor,
                    _ => PointKind.TimerControl,
                };
            }
            return Actor.Initialized ? PointKind.Dequeue : PointKind.Start;
        }
    }

    public override Footprint NextFootprint
    {
        get
        {
            if (Actor.Effects.Count > 0)
            {
                ref var e = ref Actor.Effects.Peek();
                return e.Kind switch
                {
                    EffectKind.Send => new Footprint(Id, runtime.ResourceOfSend(Actor.Id, e.Target!)),
                    EffectKind.Monitor => new Footprint(Id, runtime.ResourceOfMonitor(e.MonitorType!)),
                    _ => new Footprint(Id, Footprint.Allocator),
                };
            }
            return new Footprint(Id, runtime.HasSharedState ? Footprint.SharedState : Id);
        }
    }

    public override int HashState() => Actor.HashEngineState();

    public override void Step()
    {
        var actor = Actor;
        if (actor.Effects.Count > 0)
        {
            var effect = actor.Effects.Dequeue();
            runtime.Deliver(actor, in effect);
        }
        else
        {
            actor.RunNextStep();
        }
    }
}
