using Persona.Arm.Cpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Told of every trap the hypervisor handles, before and after: the validator's hook.</summary>
public interface ITrapObserver
{
    /// <summary>Called on entry to EL2, before the hypervisor changes anything.</summary>
    void OnTrapEntry(Core core, Component persona);

    /// <summary>Called after the hypervisor has handled the trap, before the core returns to a guest.</summary>
    void OnTrapHandled(Core core, TrapRecord trap);
}
