using Persona.Arm.Cpu;
using Persona.Hypervisor;
using Persona.Spec.Model;

namespace Persona.Cli.Verification;

/// <summary>Forwards every trap to several observers in order, because the hypervisor has a single observer slot (the validator's).</summary>
/// <param name="observers">The observers, called in this order (the validator first, so it checks the trap before anything records it).</param>
public sealed class FanOutObserver(IReadOnlyList<ITrapObserver> observers) : ITrapObserver
{
    /// <inheritdoc/>
    public void OnTrapEntry(Core core, Component persona)
    {
        foreach (var o in observers) o.OnTrapEntry(core, persona);
    }

    /// <inheritdoc/>
    public void OnTrapHandled(Core core, TrapRecord trap)
    {
        foreach (var o in observers) o.OnTrapHandled(core, trap);
    }
}
