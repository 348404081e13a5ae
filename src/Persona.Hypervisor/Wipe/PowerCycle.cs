using Persona.Hypervisor.Running;
using Persona.Hypervisor.Validation;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Wipe;

/// <summary>A run that loses power during the wipe, and the reboot after it: the second machine starts from zeroed RAM but for
/// the non-volatile memory (<see cref="PersistentMemory"/>) the first one left.</summary>
public static class PowerCycle
{
    /// <summary>Runs until the power loss (or the end), then, if power was lost, boots a new handset on what survived and runs it.</summary>
    /// <param name="platform">The handset.</param>
    /// <param name="options">The run; its wipe and power loss apply to the first boot only.</param>
    /// <param name="previous">What an earlier life of the handset left in non-volatile memory (its key, journal and eMMC), or null for a new handset.</param>
    /// <returns>The run before the power loss, and the run after the reboot (null when power was never lost).</returns>
    public static (RunResult BeforeLoss, RunResult? AfterReboot, Hypervisor? Rebooted) Run(Platform platform, RunOptions options, PersistentImage? previous = null)
    {
        var (machine, hypervisor, validator) = PersonaRun.Build(platform, options, previous);
        var before = Finish(PersonaRun.RunWithEvents(machine, hypervisor, options), hypervisor, validator);
        if (!hypervisor.PowerLost)
            return (before, null, null);
        var survived = PersistentMemory.Save(machine, platform);
        var rebootOptions = options with { PowerLossBefore = null, WipeAtTrap = null };
        var (machine2, hypervisor2, validator2) = PersonaRun.Build(platform, rebootOptions, survived);
        return (before, Finish(PersonaRun.RunWithEvents(machine2, hypervisor2, rebootOptions), hypervisor2, validator2), hypervisor2);
    }

    private static RunResult Finish(Arm.Platform.MachineRunResult stop, Hypervisor hypervisor, Validator? validator) =>
        new(stop, hypervisor.UartOutput(Spec.Model.Component.Personal), hypervisor.UartOutput(Spec.Model.Component.Work), hypervisor.Log,
            hypervisor.TrapCount, validator?.Checked ?? 0, validator?.FirstViolation);
}
