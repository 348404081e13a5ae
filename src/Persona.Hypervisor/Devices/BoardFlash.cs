using System.Runtime.CompilerServices;
using Persona.Arm.Platform;

namespace Persona.Hypervisor.Devices;

/// <summary>The eMMC soldered to a handset's board: one per machine, found by the hypervisor at boot, so a handset rebooted after a
/// power loss finds the flash the previous boot wrote (<see cref="Wipe.PersistentMemory.Restore"/> solders it on before boot).</summary>
public static class BoardFlash
{
    private static readonly ConditionalWeakTable<Machine, EmmcStore> Soldered = [];

    /// <summary>The machine's eMMC, or null when nothing has put one on its board yet.</summary>
    public static EmmcStore? Find(Machine machine) => Soldered.TryGetValue(machine, out var emmc) ? emmc : null;

    /// <summary>The machine's eMMC, a blank one of <paramref name="sectors"/> sectors when it has none yet.</summary>
    /// <exception cref="InvalidOperationException">The board's eMMC has another size than the platform's partitions need.</exception>
    public static EmmcStore Of(Machine machine, long sectors)
    {
        var emmc = Soldered.GetValue(machine, _ => new EmmcStore(sectors));
        return emmc.Sectors == sectors ? emmc
            : throw new InvalidOperationException($"the board's eMMC has {emmc.Sectors} sectors, the platform's partitions need {sectors}");
    }

    /// <summary>Puts an eMMC on a machine's board (before the hypervisor boots on it).</summary>
    public static void Solder(Machine machine, EmmcStore emmc) => Soldered.AddOrUpdate(machine, emmc);
}
