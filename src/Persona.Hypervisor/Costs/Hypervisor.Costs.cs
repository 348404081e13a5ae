using Persona.Hypervisor.Costs;

namespace Persona.Hypervisor;

/// <summary>The cost model's hook: after every trap, the actions the handler performed are counted and charged to virtual time.</summary>
public sealed partial class Hypervisor
{
    /// <summary>The cycle costs charged per action (<see cref="CostModel.Default"/>; <see cref="CostModel.Free"/> takes no time).</summary>
    public CostModel CostModel { get; set; } = CostModel.Default;

    /// <summary>The ticks charged to virtual time by the cost model so far.</summary>
    public ulong ChargedTicks { get; private set; }

    /// <summary>The actions of the last trap handled, as charged.</summary>
    public ActionTally? LastTrapActions { get; private set; }

    /// <summary>Charges what the trap's handler did to virtual time, which the trapping core (and its guest's counter) sees at once.</summary>
    /// <remarks>The machine has one clock shared by its cores, advanced between slices; the charge lands while the trapping core's slice
    /// runs, so the guest's next CNTVCT read includes it.</remarks>
    private void ChargeTrap(TrapRecord trap)
    {
        var tally = TrapActions.Of(trap, Platform);
        var ticks = CostModel.Charge(tally);
        LastTrapActions = tally;
        ChargedTicks += ticks;
        Machine.Clock.Advance(ticks);
    }
}
