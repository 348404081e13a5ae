using Persona.Arm.Cpu;
using Persona.Hypervisor.Dma;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>DMA isolation: the SMMU streams follow device ownership (granted: the owner's private table; released, revoked, wiped or
/// unowned: abort), and the dmaMap/dmaUnmap hypercalls put the caller's own exclusively owned pages in a held device's table.</summary>
public sealed partial class Hypervisor
{
    private SmmuDriver? dma;

    /// <summary>The SMMU driver (after <see cref="Boot"/>).</summary>
    public SmmuDriver Dma => dma ?? throw new InvalidOperationException("the hypervisor has not booted");

    /// <summary>Attaches the board's SMMU and DMA masters when the machine has none, and sets every stream from the boot ownership.</summary>
    private void BootDma()
    {
        if (Machine.Smmu is null)
            AttachDmaHardware();
        dma = new SmmuDriver(Machine, Platform);
        for (var d = 0; d < Devices.Count; d++)
            AttachDma(d);
        if (Mutants.HasFlag(HypervisorMutant.DmaStreamInBypass) && Platform.Devices.ToList().FindIndex(x => x.Name == "camera") is var camera and >= 0
            && DmaStreams.StreamOf(Platform, camera) is { } stream)
            dma.Bypass(stream);
    }

    /// <summary>The board: an SMMU with a stream per DMA-capable device, and a DMA engine at each one's register window.</summary>
    private void AttachDmaHardware()
    {
        Machine.AttachSmmu(Math.Max(1, DmaStreams.CountOf(Platform)));
        for (var d = 0; d < Devices.Count; d++)
        {
            if (DmaStreams.StreamOf(Platform, d) is not { } stream)
                continue;
            try
            {
                Machine.AttachDmaMaster(Platform.Devices[d].Mmio.Base, stream);
            }
            catch (InvalidOperationException overlap)
            {
                // A platform file may place a device over a fixed window of the board: it keeps its stream but has no engine.
                Note($"device {Platform.Devices[d].Name}: no DMA engine modelled ({overlap.Message})");
            }
        }
    }

    /// <summary>Points a device's stream at its private (empty) table when a persona holds it, else makes it abort.</summary>
    private void AttachDma(int device)
    {
        if (DmaStreams.StreamOf(Platform, device) is not { } stream)
            return;
        var entry = Devices[device];
        // Mediated devices are driven by the hypervisor, whose mediators use no DMA here: they abort like unowned ones.
        if (entry.Assigned && entry.Owner != Component.Hypervisor)
            Dma.Translate(stream);
        else
            Dma.Abort(stream);
    }

    /// <summary>Takes a device's DMA away in the order the wipe protocol needs: stream abort (with its CFGI), then the table emptied and
    /// the stream's VMID invalidated, then the engine reset.</summary>
    private void DetachDma(int device)
    {
        if (DmaStreams.StreamOf(Platform, device) is not { } stream || Mutants.HasFlag(HypervisorMutant.DmaTableNotUpdatedOnHandOff))
            return;
        Dma.Abort(stream);
        Dma.Clear(stream, invalidate: !Mutants.HasFlag(HypervisorMutant.SkipSmmuTlbInvalidationOnUnmap));
        Dma.ResetDevice(Platform.Devices[device].Mmio.Base);
    }

    /// <summary>Whether any device's table maps a frame (the spec's DmaPinned: such a page may not be lent or given away).</summary>
    private bool DmaReaches(long frame)
    {
        var address = (ulong)frame * HypervisorLayout.PageSize;
        for (var d = 0; d < Devices.Count; d++)
        {
            if (DmaStreams.StreamOf(Platform, d) is { } stream && Dma.MappedIovas(stream).Any(iova => Dma.Maps(stream, iova, address)))
                return true;
        }
        return false;
    }

    /// <summary>dmaMap(x1 = device, x2 = IPA): the caller must hold the device; the page must be one of its own RAM pages it owns exclusively.</summary>
    private HypercallResult MapForDma(Core core, Component who, ulong device, List<SpecStep> steps)
    {
        if (device >= (ulong)Devices.Count)
            return HypercallResult.Unknown;
        var d = (int)device;
        // Only the holder may program a device's DMA: a policy refusal before any spec operation is attempted.
        if (!Devices[d].Assigned || Devices[d].Owner != who)
            return HypercallResult.Denied;
        var ipa = core.GetX(2);
        var trustStage2 = Mutants.HasFlag(HypervisorMutant.DmaMapTrustsStage2);
        if ((trustStage2 ? MappedFrame(who, ipa) : OwnFrame(who, ipa)) is not { } frame)
            return HypercallResult.BadAddress;
        var stream = DmaStreams.StreamOf(Platform, d);
        var allowed = stream is not null && (trustStage2 || Ownership.StateOf(who, frame) == PageState.Owned);
        steps.Add(SpecStep.Of("dmaMap", allowed, ("d", d), ("p", frame)));
        if (!allowed)
            return HypercallResult.Denied;
        Dma.Map(stream!.Value, ipa, (ulong)frame * HypervisorLayout.PageSize);
        return HypercallResult.Ok;
    }

    /// <summary>The RAM frame any mapped IPA page of a persona translates to (a seeded bug's lookup: it includes borrowed pages).</summary>
    private long? MappedFrame(Component persona, ulong ipa)
    {
        var walk = TablesOf(persona).Translate(Machine.Bus, ipa);
        var frame = (long)(walk.OutputAddress / HypervisorLayout.PageSize);
        return ipa % HypervisorLayout.PageSize == 0 && walk.Fault is null && Ownership.Covers(frame) ? frame : null;
    }

    /// <summary>dmaUnmap(x1 = device, x2 = IPA): removes one of the caller's pages from a device it holds, then invalidates the SMMU TLB.</summary>
    private HypercallResult UnmapForDma(Core core, Component who, ulong device, List<SpecStep> steps)
    {
        if (device >= (ulong)Devices.Count)
            return HypercallResult.Unknown;
        var d = (int)device;
        if (!Devices[d].Assigned || Devices[d].Owner != who)
            return HypercallResult.Denied;
        var ipa = core.GetX(2);
        if (OwnFrame(who, ipa) is not { } frame)
            return HypercallResult.BadAddress;
        var stream = DmaStreams.StreamOf(Platform, d);
        var reaches = stream is { } s && Dma.Maps(s, ipa, (ulong)frame * HypervisorLayout.PageSize);
        steps.Add(SpecStep.Of("dmaUnmap", reaches, ("d", d), ("p", frame)));
        if (!reaches)
            return HypercallResult.Denied;
        Dma.Unmap(stream!.Value, ipa, invalidate: !Mutants.HasFlag(HypervisorMutant.SkipSmmuTlbInvalidationOnUnmap));
        return HypercallResult.Ok;
    }
}
