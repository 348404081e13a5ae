using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;

namespace Persona.Systematic.Faults;

/// <summary>
/// A link between two actors whose in-flight messages the engine delivers one per step: with
/// <see cref="LinkFaults.Reorder"/> any of them (a recorded integer), and within the fault budget it may
/// drop or duplicate one (another recorded integer).
/// </summary>
internal sealed class LinkOperation(int id, SystematicRuntime runtime, ActorId from, ActorId to, LinkFaults faults, int budget)
    : Operation(id, $"link {from}->{to}")
{
    private readonly List<(Event Event, SendOptions Options)> inFlight = [];
    private int faultsLeft = budget;

    public override bool IsEnabled => inFlight.Count > 0;

    public override PointKind NextPoint => PointKind.LinkDeliver;

    public override Footprint NextFootprint => new(Id, to.Value);

    public void Add(Event e, SendOptions options) => inFlight.Add((e, options));

    public override int HashState()
    {
        var h = new HashCode();
        h.Add(faultsLeft);
        foreach (var (e, _) in inFlight) h.Add(e);
        return h.ToHashCode();
    }

    public override void Step()
    {
        int index = (faults & LinkFaults.Reorder) != 0 && inFlight.Count > 1 ? runtime.ChooseInteger(inFlight.Count) : 0;
        bool canDrop = (faults & LinkFaults.Drop) != 0 && faultsLeft > 0;
        bool canDuplicate = (faults & LinkFaults.Duplicate) != 0 && faultsLeft > 0;
        int options = 1 + (canDrop ? 1 : 0) + (canDuplicate ? 1 : 0);
        int choice = options > 1 ? runtime.ChooseInteger(options) : 0;
        var (e, sendOptions) = inFlight[index];
        if (choice == 1 && canDrop)
        {
            faultsLeft--;
            inFlight.RemoveAt(index);
            runtime.Observer?.OnLinkFault(from, to, e, "dropped");
            return;
        }
        if (choice >= 1)
        {
            faultsLeft--;
            runtime.Observer?.OnLinkFault(from, to, e, "duplicated");
            runtime.Enqueue(from, to, e, sendOptions);
            return;
        }
        inFlight.RemoveAt(index);
        runtime.Enqueue(from, to, e, sendOptions);
    }
}
