using Persona.Arm.Cpu;
using Persona.Hypervisor.Devices;
using Persona.Hypervisor.Memory;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>The emulated devices each persona sees at trapped IPAs: its block device (its partition of the eMMC, through the storage
/// mediator) and its modem line; their interrupts reach the persona through the list registers.</summary>
public sealed partial class Hypervisor
{
    private VirtualBlockDevice[] blockDevices = [];
    private ModemLine[] modemLines = [];

    /// <summary>The storage mediator (the physical eMMC and its partitions).</summary>
    public StorageMediator Storage { get; private set; } = null!;

    /// <summary>A persona's modem line.</summary>
    public ModemLine ModemOf(Component persona) => modemLines[(int)persona];

    /// <summary>Creates the storage mediator over the board's eMMC (blank on a new handset, the surviving flash after a power loss),
    /// as large as the platform's partitions, and the per-persona devices.</summary>
    private void InitializeDevices()
    {
        var sectors = Platform.Partitions.Count == 0 ? 0 : Platform.Partitions.Max(p => p.FirstBlock + p.Blocks);
        Storage = new StorageMediator(Platform, BoardFlash.Of(Machine, (long)sectors), WorkKeyOrNull, Mutants);
        blockDevices = [.. HypervisorLayout.Personas.Select(p => new VirtualBlockDevice(p, Storage, new PersonaMemory(this, p)))];
        modemLines = [.. HypervisorLayout.Personas.Select(p => new ModemLine(p))];
    }

    /// <summary>The work key from the key store, or null once it is destroyed.</summary>
    private byte[]? WorkKeyOrNull() => KeyPresent
        ? Machine.Bus.Ram.Bytes.AsSpan((int)(KeyAddress - Machine.Bus.Ram.Base), KeyLength).ToArray()
        : null;

    /// <summary>Emulates an access to a persona's device windows; false when the IPA is in none of them.</summary>
    private bool TryEmulateDevice(Core core, Component persona, ulong ipa, bool write, ulong value, List<SpecStep> steps, out ulong result)
    {
        result = 0;
        if (DeviceLayout.InWindow(ipa, DeviceLayout.StorageIpa))
        {
            var device = blockDevices[(int)persona];
            if (!write)
            {
                result = device.Read(ipa - DeviceLayout.StorageIpa);
                return true;
            }
            device.Write(ipa - DeviceLayout.StorageIpa, (uint)value);
            foreach (var (isWrite, outcome, sector, count, refusal) in device.Completed)
            {
                if (isWrite && outcome is StorageOutcome.Done or StorageOutcome.KeyDestroyed)
                    steps.Add(SpecStep.Of("writePartition", outcome == StorageOutcome.Done, ("who", persona)));
                if (refusal is not null)
                    Note($"{persona}: storage {(isWrite ? "write" : "read")} refused: {refusal}");
            }
            device.Completed.Clear();
            if (device.TakeInterruptRequest())
                Inject(core, persona, VirtualInterrupt.Storage);
            return true;
        }
        if (DeviceLayout.InWindow(ipa, DeviceLayout.AlertIpa))
        {
            result = EmulateAlertInbox(persona, ipa - DeviceLayout.AlertIpa, write);
            return true;
        }
        if (DeviceLayout.InWindow(ipa, DeviceLayout.ModemIpa))
        {
            var line = modemLines[(int)persona];
            if (write)
                Note($"{persona}: modem {line.Write(ipa - DeviceLayout.ModemIpa, (uint)value)}");
            else
                result = line.Read(ipa - DeviceLayout.ModemIpa);
            return true;
        }
        return false;
    }

    /// <summary>A persona's own RAM pages, reached by IPA through its stage-2 tables, as its emulated devices may use them.</summary>
    private sealed class PersonaMemory(Hypervisor hypervisor, Component persona) : IGuestMemory
    {
        public bool TryRead(ulong ipa, Span<byte> destination)
        {
            if (Pieces(ipa, destination.Length) is not { } pieces)
                return false;
            var ram = hypervisor.Machine.Bus.Ram.Bytes;
            foreach (var (ramOffset, done, n) in pieces)
                ram.AsSpan(ramOffset, n).CopyTo(destination.Slice(done, n));
            return true;
        }

        public bool TryWrite(ulong ipa, ReadOnlySpan<byte> source)
        {
            if (Pieces(ipa, source.Length) is not { } pieces)
                return false;
            // Through SpanForWrite: a storage read may land on a page the persona runs code from, and the new bytes must be what runs.
            var ram = hypervisor.Machine.Bus.Ram;
            foreach (var (ramOffset, done, n) in pieces)
                source.Slice(done, n).CopyTo(ram.SpanForWrite(ram.Base + (ulong)ramOffset, n));
            return true;
        }

        /// <summary>The RAM pieces behind an IPA range, page by page; null unless every page is the persona's own (nothing is copied then).</summary>
        private List<(int RamOffset, int Done, int Length)>? Pieces(ulong ipa, int length)
        {
            if (ipa + (ulong)length < ipa)
                return null;
            var pieces = new List<(int RamOffset, int Done, int Length)>();
            var done = 0;
            while (done < length)
            {
                var at = ipa + (ulong)done;
                var inPage = (int)Math.Min((ulong)(length - done), HypervisorLayout.PageSize - (at % HypervisorLayout.PageSize));
                if (PhysicalOf(at) is not { } pa)
                    return null;
                pieces.Add(((int)(pa - hypervisor.Machine.Bus.Ram.Base), done, inPage));
                done += inPage;
            }
            return pieces;
        }

        private ulong? PhysicalOf(ulong ipa)
        {
            var ram = hypervisor.RamOf(persona).Range;
            if (ipa < HypervisorLayout.GuestRamIpa || ipa - HypervisorLayout.GuestRamIpa >= ram.Size)
                return null;
            var walk = hypervisor.TablesOf(persona).Translate(hypervisor.Machine.Bus, ipa);
            if (walk.Fault is not null)
                return null;
            var frame = (long)(walk.OutputAddress / HypervisorLayout.PageSize);
            if (!hypervisor.Ownership.Covers(frame) || hypervisor.Ownership.StateOf(persona, frame) != PageState.Owned)
                return null;
            return ((ulong)frame * HypervisorLayout.PageSize) + (ipa % HypervisorLayout.PageSize);
        }
    }
}
