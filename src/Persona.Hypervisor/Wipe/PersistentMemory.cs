using Persona.Arm.Platform;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Wipe;

/// <summary>What survives a power loss of the emulated handset: the key-store region (non-volatile: the work key), the last page
/// of the hypervisor's region (non-volatile: the wipe journal), the eMMC (flash: both partitions, <see cref="BoardFlash"/>), and the
/// storage the persona images are loaded from. All other RAM (stage-2 tables, page contents, scrubbed or not), the TLBs and the
/// registers are lost.</summary>
public static class PersistentMemory
{
    /// <summary>The non-volatile ranges of a platform: its key store, and the journal page at the top of the hypervisor's region.</summary>
    public static IReadOnlyList<AddressRange> Of(Platform platform) =>
        [platform.Regions.First(r => r.Kind == RegionKind.KeyStore).Range, new AddressRange(JournalAddress(platform), HypervisorLayout.PageSize)];

    /// <summary>The wipe journal's physical address: the last page of the hypervisor's own region.</summary>
    public static ulong JournalAddress(Platform platform) =>
        platform.Regions.First(r => r.Kind == RegionKind.Hypervisor).Range.End - HypervisorLayout.PageSize;

    /// <summary>Copies what a power loss leaves behind: the non-volatile ranges of a machine's RAM, and its board's eMMC (if any).</summary>
    public static PersistentImage Save(Machine machine, Platform platform) =>
        new([.. Of(platform).Select(r => (r.Base, machine.Bus.Ram.Bytes.AsSpan((int)(r.Base - machine.Bus.Ram.Base), (int)r.Size).ToArray()))],
            BoardFlash.Find(machine)?.Survivor());

    /// <summary>Puts saved non-volatile ranges back into a freshly built machine's (zeroed) RAM, and its eMMC on the board, before boot.</summary>
    /// <remarks>The eMMC is copied, so one image can start several handsets.</remarks>
    public static void Restore(Machine machine, PersistentImage image)
    {
        foreach (var (address, bytes) in image.Ranges)
            bytes.CopyTo(machine.Bus.Ram.SpanForWrite(address, bytes.Length));
        if (image.Emmc is { } emmc)
            BoardFlash.Solder(machine, emmc.Survivor());
    }
}

/// <summary>The contents of the non-volatile memory at the moment power was lost.</summary>
/// <param name="Ranges">Each non-volatile RAM range's physical address and bytes.</param>
/// <param name="Emmc">The eMMC's sectors, or null when the handset had none.</param>
public sealed record PersistentImage(IReadOnlyList<(ulong Address, byte[] Bytes)> Ranges, EmmcStore? Emmc = null);
