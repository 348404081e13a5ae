using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Loading;
using Persona.Hypervisor.Memory;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor;

/// <summary>Boot: stage-2 tables for each persona's RAM and devices, the two kernels loaded, the boot core entering the personal persona.</summary>
public sealed partial class Hypervisor
{
    /// <summary>The HCR_EL2 value while a persona runs: stage 2 on, interrupts to EL2, SMC trapped, EL1 is AArch64.</summary>
    /// <remarks>WFI is not trapped: a persona waiting for its next interrupt idles on the core until its timer or a device fires.</remarks>
    public const ulong GuestHcr = (ulong)(HcrBits.VM | HcrBits.FMO | HcrBits.IMO | HcrBits.AMO | HcrBits.TSC | HcrBits.RW);

    /// <summary>SPSR_EL2 for a persona's first entry: EL1h with DAIF masked.</summary>
    private const ulong FirstEntrySpsr = 0x3c5;

    /// <summary>The seed the work key is derived from (runs reproduce).</summary>
    private const int KeySeed = 2011;

    /// <summary>The bit of a kernel's x0 at entry that says the machine has more than one core (guests/persona/kernel.h MODE_SMP).</summary>
    public const ulong SmpModeFlag = (ulong)Running.KernelFlags.Smp;

    /// <summary>The largest kernel image the loader accepts (it is staged in a scratch buffer of this size).</summary>
    internal const int MaxKernelSize = 2 << 20;

    /// <summary>Builds the stage-2 tables, loads both kernels, and powers the boot core on in the personal persona.</summary>
    /// <param name="personalKernel">The personal kernel's ELF bytes (linked at <see cref="HypervisorLayout.GuestRamIpa"/>).</param>
    /// <param name="workKernel">The work kernel's ELF bytes.</param>
    /// <param name="workMode">x0 for the work kernel's entry (its run mode: normal or an attack, and flags).</param>
    /// <param name="personalMode">x0 for the personal kernel's entry (flags).</param>
    public void Boot(byte[] personalKernel, byte[] workKernel, ulong workMode = 0, ulong personalMode = 0)
    {
        PrepareResumedWipe();
        foreach (var persona in HypervisorLayout.Personas.Where(p => !(p == Component.Work && workGoneAtBoot)))
            MapRam(persona);
        BootDma();
        for (var d = 0; d < Devices.Count; d++)
        {
            if (Devices[d].Assigned && Devices[d].Owner != Component.Hypervisor)
                MapDevice(Devices[d].Owner, d);
        }
        if (Mutants.HasFlag(HypervisorMutant.DeviceMmioInBothPersonas) && Platform.Devices.ToList().FindIndex(d => d.Name == "camera") is var camera and >= 0)
            MapDevice(Component.Work, camera);
        InitializeDevices();
        var personalEntry = LoadKernel(Component.Personal, personalKernel);
        var workEntry = workGoneAtBoot ? 0 : LoadKernel(Component.Work, workKernel);

        var core = BootCore;
        // With more than one core, each kernel is told so (x0) and brings its secondary vCPUs up with PSCI CPU_ON.
        var smp = CoreCount > 1 ? SmpModeFlag : 0;
        Machine.Cores[0].PowerOn(personalEntry, personalMode | smp, 1);
        PrepareCore(core);
        core.WriteSystemRegister(SystemRegister.VttbrEl2, TablesOf(Component.Personal).Vttbr);
        StartVirtualCounter(core, Component.Personal);
        freshVcpu = SavedRegisters.Capture(core);
        if (!workGoneAtBoot)
            contexts[0][(int)Component.Work] = NewVcpuContext(Component.Work, workEntry, workMode | smp);
        foreach (var t in tables)
            t.DrainTouched();
    }

    /// <summary>The RAM region a persona boots with.</summary>
    public MemoryRegion RamOf(Component persona)
    {
        var kind = persona == Component.Personal ? RegionKind.Personal : RegionKind.Work;
        return Platform.Regions.First(r => r.Kind == kind);
    }

    private void MapRam(Component persona)
    {
        var region = RamOf(persona);
        var pages = region.Range.Size / HypervisorLayout.PageSize;
        if (persona == Component.Personal && Mutants.HasFlag(HypervisorMutant.Stage2RangeOffByOne))
            pages++;
        var table = TablesOf(persona);
        for (ulong i = 0; i < pages; i++)
            table.Map(HypervisorLayout.GuestRamIpa + (i * HypervisorLayout.PageSize), region.Range.Base + (i * HypervisorLayout.PageSize), RamAttributes);
    }

    private const Stage2Descriptor RamAttributes = Stage2Descriptor.NormalMemory | Stage2Descriptor.Read | Stage2Descriptor.Write | Stage2Descriptor.InnerShareable;

    private const Stage2Descriptor MmioAttributes = Stage2Descriptor.DeviceMemory | Stage2Descriptor.Read | Stage2Descriptor.Write | Stage2Descriptor.ExecuteNever;

    /// <summary>Maps a device's register window into a persona's stage 2 at the same address (IPA = PA).</summary>
    private void MapDevice(Component persona, int device)
    {
        var mmio = Platform.Devices[device].Mmio;
        for (var a = mmio.Base; a < mmio.End; a += HypervisorLayout.PageSize)
            TablesOf(persona).Map(a, a, MmioAttributes);
    }

    /// <summary>Removes a device's register window from a persona's stage 2 and invalidates that VMID's TLB entries on every core.</summary>
    private void UnmapDevice(Component persona, int device)
    {
        var mmio = Platform.Devices[device].Mmio;
        for (var a = mmio.Base; a < mmio.End; a += HypervisorLayout.PageSize)
        {
            TablesOf(persona).Unmap(a);
            InvalidateIpa(persona, a);
        }
    }

    private ulong LoadKernel(Component persona, byte[] elf)
    {
        var staging = new RamRegion(HypervisorLayout.GuestRamIpa, new byte[MaxKernelSize]);
        var image = ElfLoader.Load($"embedded:{persona.ToString().ToLowerInvariant()}.elf", elf, staging);
        var region = RamOf(persona);
        staging.Bytes.CopyTo(Machine.Bus.Ram.SpanForWrite(region.Range.Base, staging.Bytes.Length));
        return image.EntryPoint;
    }

    /// <summary>Invalidates a persona's TLB entries for one IPA page on every core (TLBI IPAS2E1IS); when the persona runs with its
    /// stage-1 MMU on, combined entries are keyed by VA, so it also invalidates the whole VMID (TLBI VMALLE1IS).</summary>
    private void InvalidateIpa(Component persona, ulong ipa)
    {
        var vmid = TablesOf(persona).Vmid;
        Broadcast(new Arm.Memory.TlbInvalidation(Arm.Memory.TlbInvalidationScope.VmidIntermediateAddress, vmid, 0, ipa >> 12));
        var sctlr = persona == Foreground ? BootCore.ReadSystemRegister(SystemRegister.SctlrEl1)
            : contexts[0][(int)persona]?[SavedRegisters.IndexOf(SystemRegister.SctlrEl1)] ?? 0;
        if ((sctlr & (ulong)SctlrBits.M) != 0)
            Broadcast(new Arm.Memory.TlbInvalidation(Arm.Memory.TlbInvalidationScope.Vmid, vmid, 0, 0));
    }
}
