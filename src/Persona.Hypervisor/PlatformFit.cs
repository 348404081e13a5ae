using Persona.Arm.Platform;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor;

/// <summary>Whether a platform can host the reference hypervisor and the persona kernels, and where the hypervisor puts its
/// tables inside the platform's hypervisor region.</summary>
/// <remarks>A platform file may be perfectly good for the proofs (tiny.platform: regions of a few pages) and still be unable to
/// boot the emulated handset; this is the one list of what booting needs, so a run can say why before it builds a machine.</remarks>
public static class PlatformFit
{
    /// <summary>The smallest persona region: the kernel is staged in a window of this size and copied whole into the region.</summary>
    public const ulong MinimumPersonaRam = Hypervisor.MaxKernelSize;

    /// <summary>Where the stage-2 table pool starts: in the upper half of the hypervisor region (the lower half stands for the
    /// hypervisor's own image, as on a handset), so the default platform keeps its tables at 0x4080_0000.</summary>
    public static ulong TablePoolBase(Platform platform) => HypervisorRegion(platform) is { } r ? r.Base + (r.Size / 2 & ~(HypervisorLayout.PageSize - 1)) : 0;

    /// <summary>Where the SMMU driver's pool starts: right after the stage-2 table pool.</summary>
    public static ulong SmmuPoolBase(Platform platform) => TablePoolBase(platform) + HypervisorLayout.TablePoolSize;

    /// <summary>Throws <see cref="PlatformFitException"/> naming the platform file, the first misfit field and why, if the platform
    /// cannot host the hypervisor and the persona kernels.</summary>
    public static void Require(Platform platform)
    {
        if (Problems(platform) is [var (field, fault), ..])
            throw new PlatformFitException(platform.Source, field, fault);
    }

    /// <summary>Every reason the platform cannot host the hypervisor and the persona kernels (empty when it can).</summary>
    public static IReadOnlyList<(string Field, string Fault)> Problems(Platform platform)
    {
        var problems = new List<(string, string)>();
        if (platform.Ram.Base != PlatformMap.RamBase)
            problems.Add(("ram base", $"is 0x{platform.Ram.Base:x}, but the emulated board (QEMU virt) has its RAM at 0x{PlatformMap.RamBase:x}"));
        if (platform.Ram.Size > (ulong)Array.MaxLength)
            problems.Add(("ram size", $"is {Bytes(platform.Ram.Size)}, more than the emulator can hold in one array ({Bytes((ulong)Array.MaxLength)})"));
        CheckHypervisorRegion(platform, problems);
        foreach (var persona in HypervisorLayout.Personas)
            CheckPersonaRegion(platform, persona, problems);
        CheckDeviceWindows(platform, problems);
        CheckKernelDevices(platform, problems);
        return problems;
    }

    private static AddressRange? HypervisorRegion(Platform platform) =>
        platform.Regions.FirstOrDefault(r => r.Kind == RegionKind.Hypervisor)?.Range;

    private static void CheckHypervisorRegion(Platform platform, List<(string, string)> problems)
    {
        var region = platform.Regions.FirstOrDefault(r => r.Kind == RegionKind.Hypervisor);
        if (region is null)
        {
            problems.Add(("region kind=hypervisor", "is missing: the stage-2 tables and the wipe journal live there"));
            return;
        }
        var needed = (region.Range.Size / 2) + HypervisorLayout.TablePoolSize + Dma.SmmuDriver.PoolSize + HypervisorLayout.PageSize;
        if (region.Range.Size < needed)
            problems.Add(($"region {region.Name}", $"is {Bytes(region.Range.Size)}; the hypervisor needs its upper half to hold the stage-2 table pool "
                + $"({Bytes(HypervisorLayout.TablePoolSize)}), the SMMU pool ({Bytes(Dma.SmmuDriver.PoolSize)}) and the wipe journal's page, so at least "
                + $"{Bytes(2 * (HypervisorLayout.TablePoolSize + Dma.SmmuDriver.PoolSize + HypervisorLayout.PageSize))}"));
    }

    private static void CheckPersonaRegion(Platform platform, Component persona, List<(string, string)> problems)
    {
        var kind = persona == Component.Personal ? RegionKind.Personal : RegionKind.Work;
        var name = persona.ToString().ToLowerInvariant();
        var region = platform.Regions.FirstOrDefault(r => r.Kind == kind);
        if (region is null)
        {
            problems.Add(($"region kind={name}", $"is missing: the {name} kernel boots in it"));
            return;
        }
        if (region.Range.Size < MinimumPersonaRam)
            problems.Add(($"region {region.Name}", $"is {Bytes(region.Range.Size)}, too small for the {name} kernel: it is loaded through a "
                + $"{Bytes(MinimumPersonaRam)} staging window copied whole into the region"));
        var ipaRoom = HypervisorLayout.ChannelIpa - HypervisorLayout.GuestRamIpa;
        if (region.Range.Size > ipaRoom)
            problems.Add(($"region {region.Name}", $"is {Bytes(region.Range.Size)}, more than the {Bytes(ipaRoom)} of guest-physical space between the "
                + $"kernel's RAM (IPA 0x{HypervisorLayout.GuestRamIpa:x}) and the notification pages (IPA 0x{HypervisorLayout.ChannelIpa:x})"));
    }

    /// <summary>Device windows are mapped into a persona at IPA = PA, so they must stay clear of every window the kernels use.</summary>
    private static void CheckDeviceWindows(Platform platform, List<(string, string)> problems)
    {
        var largestPersona = platform.Regions.Where(r => r.Kind is RegionKind.Personal or RegionKind.Work).Select(r => r.Range.Size).DefaultIfEmpty(0UL).Max();
        (string Name, AddressRange Range)[] reserved =
        [
            ("the kernels' RAM", new AddressRange(HypervisorLayout.GuestRamIpa, largestPersona)),
            ("the emulated UART", new AddressRange(HypervisorLayout.UartIpa, HypervisorLayout.UartSize)),
            ("the emulated block device", new AddressRange(DeviceLayout.StorageIpa, DeviceLayout.WindowSize)),
            ("the emulated modem line", new AddressRange(DeviceLayout.ModemIpa, DeviceLayout.WindowSize)),
            ("the notification pages", new AddressRange(HypervisorLayout.ChannelIpa, (ulong)HypervisorLayout.ChannelSlots * HypervisorLayout.PageSize)),
        ];
        foreach (var device in platform.Devices)
        {
            if (device.Mmio.End > 1UL << HypervisorLayout.IpaBits)
                problems.Add(($"device {device.Name} mmio", $"{device.Mmio} lies above the {HypervisorLayout.IpaBits}-bit guest-physical space"));
            foreach (var (what, range) in reserved.Where(r => r.Range.Size > 0 && r.Range.Overlaps(device.Mmio)))
                problems.Add(($"device {device.Name} mmio", $"{device.Mmio} overlaps {what} ({range}) in the personas' guest-physical map"));
        }
    }

    /// <summary>The persona kernels were compiled for the embedded default platform: they hand the camera over by its index there and
    /// touch it at its address there (guests/persona/kernel.h DEVICE_CAMERA, CAMERA_IPA; a test checks the header against it).</summary>
    private static void CheckKernelDevices(Platform platform, List<(string, string)> problems)
    {
        var (index, kernelCamera) = KernelCamera;
        var camera = platform.Devices.Count > index ? platform.Devices[index] : null;
        if (camera is null || camera.Name != kernelCamera.Name || camera.Mmio.Base != kernelCamera.Mmio.Base)
            problems.Add(($"device #{index}", $"is {(camera is null ? "missing" : $"{camera.Name} at 0x{camera.Mmio.Base:x}")}; the persona kernels "
                + $"request device {index} as the camera and touch it at 0x{kernelCamera.Mmio.Base:x} (guests/persona/kernel.h DEVICE_CAMERA, CAMERA_IPA)"));
    }

    /// <summary>The camera as the persona kernels know it: its index and description on the embedded default platform.</summary>
    public static (int Index, DeviceDescription Device) KernelCamera { get; } = FindKernelCamera();

    private static (int, DeviceDescription) FindKernelCamera()
    {
        var devices = DefaultPlatform.Load().Devices;
        var index = devices.ToList().FindIndex(d => d.Name == "camera");
        return (index, devices[index]);
    }

    private static string Bytes(ulong size) => size switch
    {
        >= 1UL << 30 when size % (1UL << 30) == 0 => $"{size >> 30} GiB",
        >= 1UL << 20 when size % (1UL << 20) == 0 => $"{size >> 20} MiB",
        >= 1UL << 10 when size % (1UL << 10) == 0 => $"{size >> 10} KiB",
        _ => $"{size} bytes",
    };
}

/// <summary>A platform file describes a handset the reference hypervisor and the persona kernels cannot run on: the message names
/// the file, the field and why.</summary>
public sealed class PlatformFitException(string source, string field, string fault)
    : Exception($"{source}: {field}: {fault} (the proofs and systematic tests can still use this platform; the emulated run cannot)")
{
    /// <summary>The platform file.</summary>
    public string PlatformSource { get; } = source;

    /// <summary>The misfit field, e.g. "region work".</summary>
    public string Field { get; } = field;

    /// <summary>Why it does not fit.</summary>
    public string Fault { get; } = fault;
}
