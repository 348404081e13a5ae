using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Multi-core bookkeeping: each persona has one vCPU per core, each core runs at most one vCPU, and a core with no vCPU
/// of the foreground persona is parked (powered off by the hypervisor) until a switch brings a persona that has one.</summary>
public sealed partial class Hypervisor
{
    /// <summary>The persona whose vCPU each core runs, or null while the core is parked.</summary>
    private readonly Component?[] live;

    /// <summary>A context for a vCPU that has never run: the register values of a core just after reset (general registers zero).</summary>
    private ulong[] freshVcpu = [];

    /// <summary>The number of physical cores.</summary>
    public int CoreCount => Machine.Cores.Count;

    /// <summary>A physical core by index.</summary>
    public Core CoreAt(int coreId) => ((InterpreterCore)Machine.Cores[coreId]).Core;

    /// <summary>The persona whose vCPU a core runs, or null while the core is parked.</summary>
    public Component? LivePersonaOf(int coreId) => live[coreId];

    /// <summary>A persona's saved vCPU context on one core, or null when that vCPU has none (never started, or cleared by a wipe).</summary>
    public ulong[]? SavedContextOf(Component persona, int coreId) => contexts[coreId][(int)persona];

    /// <summary>A new vCPU's context: entry point, x0, first-entry PSTATE and the persona's VTTBR.</summary>
    private ulong[] NewVcpuContext(Component persona, ulong entry, ulong x0)
    {
        var context = (ulong[])freshVcpu.Clone();
        Array.Clear(context, 0, 31);
        context[0] = x0;
        context[SavedRegisters.IndexOf(SystemRegister.ElrEl2)] = entry;
        context[SavedRegisters.IndexOf(SystemRegister.SpsrEl2)] = FirstEntrySpsr;
        context[SavedRegisters.IndexOf(SystemRegister.VttbrEl2)] = TablesOf(persona).Vttbr;
        return WithVirtualOffset(persona, context);
    }

    /// <summary>Saves the vCPU a core runs and restores its vCPU of <paramref name="to"/> (parking the core when it has none, or
    /// when <paramref name="to"/> may not run); the core's VTTBR_EL2 changes with the context, so it never runs a persona on another's stage 2.</summary>
    private void SwitchCore(Core core, Component to)
    {
        var id = core.CoreId;
        if (live[id] is { } from)
        {
            UnlinkHardwareInterrupts(core, from);
            var saved = SavedRegisters.Capture(core);
            if (Mutants.HasFlag(HypervisorMutant.RegisterNotSaved) && contexts[id][(int)from] is { } previous)
                saved[30] = previous[30];
            contexts[id][(int)from] = saved;
        }
        if (contexts[id][(int)to] is { } target && MayRun(to))
        {
            SavedRegisters.Restore(core, target);
            live[id] = to;
        }
        else
        {
            Park(id);
        }
    }

    /// <summary>Whether a persona's vCPUs may be entered: not powered off, and not being (or already) wiped.</summary>
    private bool MayRun(Component persona) => !halted[(int)persona] && !(persona == Component.Work && workStopping);

    /// <summary>Parks a core: the hypervisor powers it off (its vCPU's context is already saved).</summary>
    private void Park(int coreId)
    {
        live[coreId] = null;
        Machine.PowerOffCore(coreId);
    }

    /// <summary>Powers a parked core on straight into a vCPU context (PC and PSTATE from its ELR/SPSR_EL2), as an exception return would.</summary>
    private void Unpark(int coreId, Component persona, ulong[] context)
    {
        var core = CoreAt(coreId);
        var elr = context[SavedRegisters.IndexOf(SystemRegister.ElrEl2)];
        Machine.Cores[coreId].PowerOn(elr, 0, 1);
        PrepareCore(core);
        SavedRegisters.Restore(core, context);
        core.Pstate = context[SavedRegisters.IndexOf(SystemRegister.SpsrEl2)];
        core.Pc = elr;
        live[coreId] = persona;
    }

    /// <summary>The EL2 state a core needs before it enters a persona: this hypervisor as its EL2 handler, HCR_EL2, VTCR_EL2, the
    /// physical GIC (virtual timer PPI and switch IPI) and the virtual CPU interface.</summary>
    private void PrepareCore(Core core)
    {
        core.El2Handler = this;
        // GuestHcr leaves WFI untrapped on every core: an idle vCPU sleeps until its timer, a device or the switch IPI wakes the core.
        core.WriteSystemRegister(SystemRegister.HcrEl2, GuestHcr);
        core.WriteSystemRegister(SystemRegister.VtcrEl2, HypervisorLayout.Vtcr);
        Interrupts.PhysicalGic.Initialize(Machine, core);
    }

    /// <summary>PSCI CPU_ON from a persona: start its vCPU on the target core (x1 = target MPIDR, x2 = entry, x3 = context id).</summary>
    private PsciResult StartVcpu(Core caller, Component persona)
    {
        var target = (long)(caller.GetX(1) & 0xFF_00FF_FFFF);
        if (target < 0 || target >= CoreCount || caller.CoreId != 0)
            return PsciResult.InvalidParameters;
        var id = (int)target;
        if (contexts[id][(int)persona] is not null || live[id] == persona)
            return PsciResult.AlreadyOn;
        var context = NewVcpuContext(persona, caller.GetX(2), caller.GetX(3));
        contexts[id][(int)persona] = context;
        if (live[id] is null && persona == Foreground)
            Unpark(id, persona, context);
        Note($"{persona}: vCPU {id} started at 0x{caller.GetX(2):x}");
        return PsciResult.Success;
    }

    /// <summary>A persona's vCPU on a secondary core stops for good (PSCI CPU_OFF, or an exception it should never take): the core parks.</summary>
    private void StopSecondaryVcpu(Core core, Component persona, string why)
    {
        contexts[core.CoreId][(int)persona] = null;
        Note($"{persona}: vCPU {core.CoreId} {why}");
        Park(core.CoreId);
    }
}
