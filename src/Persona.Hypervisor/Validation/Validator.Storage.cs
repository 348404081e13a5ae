using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The abstraction of storage: the spec's <c>partition</c> field (whose data each partition holds) from the physical sectors
/// the eMMC saw written, each attributed to the persona whose trap wrote it (the validator knows who trapped, the hypervisor's
/// bookkeeping is not consulted) and placed by the platform's partition table.</summary>
public sealed partial class Validator
{
    private void AbstractStorage(ConcreteState expected, List<string> evidence)
    {
        var written = hypervisor.Storage.Emmc.DrainWrites();
        if (written.Length == 0)
            return;
        var partition = (MapValue)expected[Fields.Partition.Name];
        var writer = (int)Label.Personal + (int)entryPersona;
        foreach (var sector in written.Distinct())
        {
            if (hypervisor.Storage.OwnerOfSector(sector) is not { } holder)
            {
                evidence.Add($"{entryPersona}'s trap wrote eMMC sector {sector}, which lies in no partition");
                continue;
            }
            // A partition that once held the other persona's data keeps that label: the spec state records the leak.
            var label = (int)partition.Get((int)holder) is var current && current != (int)Label.Zero && current != (int)Label.Personal + (int)holder
                ? current : writer;
            if ((int)partition.Get((int)holder) != label)
            {
                evidence.Add($"{entryPersona}'s trap wrote eMMC sector {sector} in {holder}'s partition: partition[{holder}] is {(Label)label} on the machine, {(Label)(int)partition.Get((int)holder)} in the spec");
                partition = partition.Store((int)holder, label);
            }
        }
        changes[Fields.Partition.Name] = partition;
    }
}
