using Persona.Arm.Cpu;
using Persona.Hypervisor.Devices;
using Persona.Hypervisor.Interrupts;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Interrupts: physical interrupts taken at EL2 (HCR_EL2.IMO) become virtual interrupts of the persona that owns them,
/// through the list registers of the core it runs on; a persona's interrupts for a core it is not live on wait in its saved list
/// registers for that core until it runs there again. The switch IPI (<see cref="SwitchSgi"/>) is the hypervisor's own.</summary>
public sealed partial class Hypervisor
{
    /// <summary>Per core, per persona: see <see cref="ContextEditsOf(Component, int)"/>.</summary>
    private readonly Dictionary<int, ulong>[][] contextEdits;

    /// <summary>The registers of a persona's context on the boot core the hypervisor changed since the persona last trapped there.</summary>
    public IReadOnlyDictionary<int, ulong> ContextEditsOf(Component persona) => ContextEditsOf(persona, 0);

    /// <summary>The registers of a persona's context on a core the hypervisor changed since the persona last trapped there (index in
    /// <see cref="SavedRegisters"/> order → value): injected interrupts, and HW links it cut when the persona left the core.</summary>
    public IReadOnlyDictionary<int, ulong> ContextEditsOf(Component persona, int coreId) => contextEdits[coreId][(int)persona];

    /// <summary>The virtual interrupts the hypervisor injected, in order: (persona, INTID), for tests and the log.</summary>
    public IReadOnlyList<(Component Persona, VirtualInterrupt Interrupt)> Injected => injected;

    private readonly List<(Component, VirtualInterrupt)> injected = [];

    /// <summary>A physical IRQ taken at EL2: the switch IPI moves this core to the foreground persona; the virtual timer's PPI goes
    /// HW-linked to the persona live on this core (its end of interrupt deactivates the physical one); anything else is deactivated
    /// and logged.</summary>
    private string HandleInterrupt(Core core, Component persona, List<SpecStep> steps)
    {
        var intid = PhysicalGic.Acknowledge(core);
        if (intid == PhysicalGic.Spurious)
            return "IRQ (spurious)";
        if (intid == Interrupts.PhysicalGic.EventSgi)
        {
            // The doorbell only brings the boot core here: the posted events are applied at the end of this trap.
            PhysicalGic.Deactivate(core, intid);
            return $"event doorbell (SGI {intid})";
        }
        if (intid == SwitchSgi)
        {
            // The SGI is the hypervisor's own: no guest will deactivate it (EOImode=1 split priority drop from deactivation).
            PhysicalGic.Deactivate(core, intid);
            return HandleSwitchIpi(core, steps);
        }
        if (intid == EventTimerPpi)
            return HandleEventTimer(core);
        if (intid != PhysicalGic.VirtualTimerPpi)
        {
            PhysicalGic.Deactivate(core, intid);
            Note($"{persona}: physical interrupt {intid} has no owner; deactivated");
            return $"IRQ {intid}";
        }
        if (!InjectLive(core, persona, VirtualInterrupt.Timer, PhysicalGic.VirtualTimerPpi))
            PhysicalGic.Deactivate(core, intid);
        return $"IRQ {intid} (virtual timer) -> {persona}";
    }

    /// <summary>Raises a virtual interrupt for a persona's vCPU on this core: in the live list registers when that vCPU runs here, else in its saved ones.</summary>
    private void Inject(Core core, Component persona, VirtualInterrupt interrupt)
    {
        if (Mutants.HasFlag(HypervisorMutant.InjectIntoWrongPersona) && interrupt == VirtualInterrupt.Modem)
            persona = HypervisorLayout.Other(persona);
        if (live[core.CoreId] == persona)
        {
            InjectLive(core, persona, interrupt, null);
            return;
        }
        if (contexts[core.CoreId][(int)persona] is not { } saved)
            return;
        var first = SavedRegisters.IndexOfPlatform("ICH_LR0_EL2");
        var slot = FindSlot(n => saved[first + n], (int)interrupt);
        if (slot is not { } n)
        {
            Note($"{persona}: no free list register for virtual interrupt {(int)interrupt}; dropped");
            return;
        }
        saved[first + n] = ListRegister.InUse(saved[first + n]) ? ListRegister.Reassert(saved[first + n]) : ListRegister.Pending((int)interrupt);
        contextEdits[core.CoreId][(int)persona][first + n] = saved[first + n];
        Record(injected, (persona, interrupt));
    }

    /// <summary>Puts a virtual interrupt into the live list registers; false when none is free.</summary>
    private bool InjectLive(Core core, Component persona, VirtualInterrupt interrupt, int? physical)
    {
        var slot = FindSlot(n => core.ReadSystemRegister(PhysicalGic.IchLr(n)), (int)interrupt);
        if (slot is not { } n)
        {
            Note($"{persona}: no free list register for virtual interrupt {(int)interrupt}; dropped");
            return false;
        }
        var lr = core.ReadSystemRegister(PhysicalGic.IchLr(n));
        // Already pending or active: no second copy; a physical source is linked so the guest's end of interrupt deactivates it,
        // and a software interrupt raised again while active becomes pending and active (taken again after its end of interrupt).
        var value = ListRegister.InUse(lr) ? (physical is { } p ? ListRegister.LinkHardware(lr, p) : ListRegister.Reassert(lr)) : ListRegister.Pending((int)interrupt, physical);
        core.WriteSystemRegister(PhysicalGic.IchLr(n), value);
        contextEdits[core.CoreId][(int)persona][SavedRegisters.IndexOfPlatform("ICH_LR0_EL2") + n] = value;
        Record(injected, (persona, interrupt));
        return true;
    }

    /// <summary>The list register already holding <paramref name="intid"/>, else a free one, else null.</summary>
    private static int? FindSlot(Func<int, ulong> read, int intid)
    {
        int? free = null;
        for (var n = 0; n < ListRegister.Count; n++)
        {
            var lr = read(n);
            if (ListRegister.InUse(lr) && ListRegister.VirtualId(lr) == intid)
                return n;
            if (!ListRegister.InUse(lr))
                free ??= n;
        }
        return free;
    }

    /// <summary>Before a persona's context leaves the core: a HW-linked timer interrupt it has not finished is unlinked and the
    /// physical one deactivated here, so the next persona's timer can fire; the persona still sees its own interrupt when it returns.</summary>
    private void UnlinkHardwareInterrupts(Core core, Component persona)
    {
        for (var n = 0; n < ListRegister.Count; n++)
        {
            var lr = core.ReadSystemRegister(PhysicalGic.IchLr(n));
            if (!ListRegister.InUse(lr) || !ListRegister.IsHardware(lr))
                continue;
            var unlinked = ListRegister.UnlinkHardware(lr);
            core.WriteSystemRegister(PhysicalGic.IchLr(n), unlinked);
            contextEdits[core.CoreId][(int)persona][SavedRegisters.IndexOfPlatform("ICH_LR0_EL2") + n] = unlinked;
            PhysicalGic.Deactivate(core, PhysicalGic.VirtualTimerPpi);
        }
    }
}
