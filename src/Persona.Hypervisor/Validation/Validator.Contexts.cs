using Persona.Arm.Cpu;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The abstraction of devices (from the stage-2 mappings of their registers) and of CPU contexts (from VTTBR_EL2 and the saved contexts),
/// and the register-by-register check of a world switch.</summary>
public sealed partial class Validator
{
    private const ulong BaseAddressMask = 0x0000_FFFF_FFFF_FFFE;

    private List<Component>[]? deviceHolders;

    /// <summary>The personas whose stage 2 maps a device's registers, walked again only after a trap changed some descriptor:
    /// every descriptor write goes through <see cref="Memory.Stage2Tables.Map"/> or <see cref="Memory.Stage2Tables.Unmap"/>, which record it.</summary>
    private List<Component> DeviceHolders(int d) =>
        deviceHolders![d] ??= [.. HypervisorLayout.Personas.Where(p =>
            hypervisor.TablesOf(p).Translate(hypervisor.Machine.Bus, hypervisor.Devices.Describe(d).Mmio.Base) is { Fault: null } w
            && w.OutputAddress == hypervisor.Devices.Describe(d).Mmio.Base)];

    /// <summary>What the machine says of one device: which personas' stage 2 map its registers, and its state on the board.</summary>
    private readonly record struct DeviceReading(int HolderCount, Component FirstHolder, bool Assigned, Component Owner, bool Quiesced, bool Dirty);

    private DeviceReading[]? lastDeviceReadings;

    private void AbstractDevices(ConcreteState expected, List<string> evidence)
    {
        if (deviceHolders is null || touchedIpaPages[0].Length > 0 || touchedIpaPages[1].Length > 0)
            deviceHolders = new List<Component>[hypervisor.Devices.Count];
        var assigned = (MapValue)expected[Fields.DeviceAssigned.Name];
        var owner = (MapValue)expected[Fields.DeviceOwner.Name];
        var quiesced = (MapValue)expected[Fields.DeviceQuiesced.Name];
        var data = (MapValue)expected[Fields.DeviceData.Name];
        var readings = new DeviceReading[hypervisor.Devices.Count];
        for (var d = 0; d < readings.Length; d++)
        {
            var holders = DeviceHolders(d);
            var entry = hypervisor.Devices[d];
            readings[d] = new DeviceReading(holders.Count, holders.Count > 0 ? holders[0] : default, entry.Assigned, entry.Owner, entry.Quiesced, entry.Dirty);
        }
        // The machine reads as it did after the last trap, and the steps changed no device field: the spec agreed with that reading
        // then (or the run stopped), so it still does.
        var unchanged = lastDeviceReadings is not null && readings.AsSpan().SequenceEqual(lastDeviceReadings)
            && ReferenceEquals(assigned, current[Fields.DeviceAssigned.Name]) && ReferenceEquals(owner, current[Fields.DeviceOwner.Name])
            && ReferenceEquals(quiesced, current[Fields.DeviceQuiesced.Name]) && ReferenceEquals(data, current[Fields.DeviceData.Name]);
        lastDeviceReadings = readings;
        if (unchanged)
            return;
        for (var d = 0; d < readings.Length; d++)
        {
            var description = hypervisor.Devices.Describe(d);
            var holders = DeviceHolders(d);
            object device = (long)d;
            var specAssigned = (bool)assigned.Get(device);
            var specOwner = (Component)(int)owner.Get(device);
            if (holders.Count > 1)
            {
                evidence.Add($"device {description.Name}'s registers at PA 0x{description.Mmio.Base:x} are mapped in both personas' stage 2 "
                    + $"(personal descriptor 0x{hypervisor.TablesOf(Component.Personal).Descriptor(description.Mmio.Base):x}, work descriptor 0x{hypervisor.TablesOf(Component.Work).Descriptor(description.Mmio.Base):x})");
            }
            var entry = readings[d];
            // A device the hypervisor keeps for itself (mediated: modem, storage) is mapped for no persona.
            var heldByHypervisor = holders.Count == 0 && entry.Assigned && entry.Owner == Component.Hypervisor;
            var machineAssigned = holders.Count > 0 || heldByHypervisor;
            var machineOwner = heldByHypervisor ? Component.Hypervisor : holders.Count == 0 ? specOwner : holders.FirstOrDefault(h => h != specOwner, holders[0]);
            if (machineAssigned != specAssigned || (machineAssigned && machineOwner != specOwner))
            {
                if (holders.Count <= 1)
                    evidence.Add($"device {description.Name}: its registers are mapped for {(holders.Count == 0 ? "nobody" : holders[0].ToString())}, the spec says {(specAssigned ? specOwner.ToString() : "unassigned")}");
                assigned = assigned.Store(device, machineAssigned);
                owner = owner.Store(device, (int)machineOwner);
            }
            if ((bool)quiesced.Get(device) != entry.Quiesced)
            {
                evidence.Add($"device {description.Name}: quiesced is {entry.Quiesced} in the hypervisor, {quiesced.Get(device)} in the spec");
                quiesced = quiesced.Store(device, entry.Quiesced);
            }
            var label = entry.Dirty ? (int)Label.Personal + (int)entry.Owner : (int)Label.Zero;
            if ((int)data.Get(device) != label)
            {
                evidence.Add($"device {description.Name}: holds {(Label)label} data, the spec says {(Label)(int)data.Get(device)}");
                data = data.Store(device, label);
            }
        }
        changes[Fields.DeviceAssigned.Name] = assigned;
        changes[Fields.DeviceOwner.Name] = owner;
        changes[Fields.DeviceQuiesced.Name] = quiesced;
        changes[Fields.DeviceData.Name] = data;
    }

    private void AbstractContexts(ConcreteState expected, ulong vttbr, List<string> evidence)
    {
        var live = PersonaOfVttbr(vttbr);
        if (live is not { } foreground)
        {
            evidence.Add($"VTTBR_EL2 0x{vttbr:x} selects neither persona's stage-2 tables");
            return;
        }
        var vmid = (ushort)((vttbr >> 48) & 0xFF);
        if (vmid != HypervisorLayout.VmidOf(foreground))
            evidence.Add($"VTTBR_EL2 0x{vttbr:x} runs {foreground} with VMID {vmid}, not its own VMID {HypervisorLayout.VmidOf(foreground)}");
        if ((int)expected[Fields.Foreground.Name] != (int)foreground)
        {
            evidence.Add($"VTTBR_EL2 0x{vttbr:x} runs {foreground}; the spec's foreground is {(Component)(int)expected[Fields.Foreground.Name]}");
            changes[Fields.Foreground.Name] = (int)foreground;
        }
        var liveLabel = hasRun[(int)foreground] ? (int)Label.Personal + (int)foreground : (int)Label.Zero;
        if ((int)expected[Fields.LiveContext.Name] != liveLabel)
        {
            evidence.Add($"the live registers hold {(Label)liveLabel} data, the spec says {(Label)(int)expected[Fields.LiveContext.Name]}");
            changes[Fields.LiveContext.Name] = liveLabel;
        }
        var saved = (MapValue)expected[Fields.SavedContext.Name];
        foreach (var persona in HypervisorLayout.Personas)
        {
            var context = hypervisor.SavedContextOf(persona);
            var whose = context is null ? null : PersonaOfVttbr(context[VttbrIndex]);
            var label = whose is { } w && savedAfterRunning[(int)w] ? (int)Label.Personal + (int)w : (int)Label.Zero;
            if ((int)saved.Get((int)persona) != label)
            {
                evidence.Add($"{persona}'s saved context holds {(Label)label} data, the spec says {(Label)(int)saved.Get((int)persona)}");
                saved = saved.Store((int)persona, label);
            }
        }
        changes[Fields.SavedContext.Name] = saved;
    }

    private static readonly int VttbrIndex = SavedRegisters.IndexOf(SystemRegister.VttbrEl2);

    /// <summary>The wipe's fields: the work vCPUs stopped, the key store's bytes, the wipe's completion.</summary>
    private void AbstractWipe(ConcreteState expected, List<string> evidence)
    {
        void Compare(string field, object machine, string what)
        {
            evidence.Add($"{what}: {field} is {machine} on the machine, {expected[field]} in the spec");
            changes[field] = machine;
        }
        if ((bool)expected[Fields.WorkRunnable.Name] != hypervisor.WorkRunnable)
            Compare(Fields.WorkRunnable.Name, hypervisor.WorkRunnable, "the work vCPUs");
        var key = (int)(hypervisor.KeyPresent ? KeyState.Present : KeyState.Destroyed);
        if ((int)expected[Fields.WorkKey.Name] != key)
            Compare(Fields.WorkKey.Name, key, $"the key store at PA 0x{hypervisor.KeyAddress:x}");
        var phase = (int)hypervisor.WipePhase;
        if ((int)expected[Fields.Wipe.Name] != phase)
            Compare(Fields.Wipe.Name, phase, "the wipe journal");
    }

    private Component? PersonaOfVttbr(ulong vttbr)
    {
        for (var persona = Component.Personal; persona <= Component.Work; persona++)
        {
            if (hypervisor.TablesOf(persona).Root == (vttbr & BaseAddressMask))
                return persona;
        }
        return null;
    }

    /// <summary>After a switch, the live registers must be exactly those the incoming persona left with (but X0, its hypercall
    /// result, and ELR_EL2, its return address, which the hypervisor sets on its behalf).</summary>
    private void CheckRestoredRegisters(Core core, List<string> evidence)
    {
        var incoming = hypervisor.Foreground;
        if (leftWith[(int)incoming] is not { } left)
            return;
        var live = SavedRegisters.Capture(core);
        var elr = SavedRegisters.IndexOf(SystemRegister.ElrEl2);
        for (var i = 1; i < live.Length; i++)
        {
            if (i != elr && Differs(core.CoreId, incoming, live, left, i))
                evidence.Add($"after the switch to {incoming}, {SavedRegisters.NameOf(i)} is 0x{live[i]:x} but {incoming} left with 0x{left[i]:x}");
        }
    }

    /// <summary>Whether a register a vCPU runs with differs from the value it left the core with, beyond the bits that are not
    /// restored state (a timer's status) and the hypervisor's own edits on that core (an injected interrupt, a cut HW link).</summary>
    private bool Differs(int coreId, Component incoming, ulong[] live, ulong[] left, int i)
    {
        var restored = SavedRegisters.RestoredBits(i);
        var edited = SavedRegisters.IsListRegister(i) && hypervisor.ContextEditsOf(incoming, coreId).TryGetValue(i, out var edit) && edit == live[i];
        return (live[i] & restored) != (left[i] & restored) && !edited;
    }
}
