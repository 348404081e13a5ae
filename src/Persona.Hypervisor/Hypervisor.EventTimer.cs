using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Interrupts;

namespace Persona.Hypervisor;

/// <summary>Scheduled events on time: the boot core's EL2 physical timer (CNTHP, PPI 26, group 1 at EL2 through HCR_EL2.IMO) is armed
/// for the next event's virtual time, so the running persona traps at the first boot-core instruction boundary at or after it.</summary>
/// <remarks>The timer's interrupt is an ordinary guest trap: the persona ran until it (the spec's <c>compute</c>), and the events due
/// then are that trap's steps; with none due it is <c>compute</c> alone. The guests never see it: it is not in any list register, and
/// CNTHP is EL2 state the world switch neither saves nor restores.</remarks>
public sealed partial class Hypervisor
{
    /// <summary>The physical PPI of the EL2 physical timer, which the hypervisor keeps for scheduled events.</summary>
    public const int EventTimerPpi = PhysicalGic.EventTimerPpi;

    private static readonly SystemRegisterKey CntpctEl0 = new((int)TimerSystemRegister.CntpctEl0);
    private static readonly SystemRegisterKey CnthpCvalEl2 = new((int)TimerSystemRegister.CnthpCvalEl2);
    private static readonly SystemRegisterKey CnthpCtlEl2 = new((int)TimerSystemRegister.CnthpCtlEl2);

    /// <summary>CNTHP_CTL_EL2.ENABLE (IMASK clear): the timer drives its PPI once the count reaches CNTHP_CVAL_EL2.</summary>
    private const ulong TimerEnable = 1;

    /// <summary>The deadline CNTHP is armed for, or null while it is off (so a trap with nothing new does not reprogram it).</summary>
    private ulong? eventTimerDeadline;

    /// <summary>The system count now, as CNTPCT_EL0 reads from the handler: exact at a slice boundary (where the event timer's interrupt
    /// is taken); later in a slice a lower bound, as the emulator brings a core's in-slice count up to date only at some instructions.</summary>
    private static ulong ExactTicks(Core core) => core.ReadSystemRegister(CntpctEl0);

    /// <summary>Arms the boot core's CNTHP for the next scheduled event, or turns it off when none is left.</summary>
    private void ArmEventTimer()
    {
        ulong? next = scheduled.TryPeek(out var due) ? due.AtTicks : null;
        if (next == eventTimerDeadline)
            return;
        var boot = CoreAt(0);
        if (next is { } deadline)
        {
            boot.WriteSystemRegister(CnthpCvalEl2, deadline);
            boot.WriteSystemRegister(CnthpCtlEl2, TimerEnable);
        }
        else
        {
            boot.WriteSystemRegister(CnthpCtlEl2, 0);
        }
        eventTimerDeadline = next;
    }

    /// <summary>Set by the event timer's interrupt, so that the end of this trap applies the events due.</summary>
    private bool eventTimerFired;

    /// <summary>The event timer's interrupt: deactivated at once (the events are applied at the end of this trap, which re-arms the
    /// timer for the next one and so lowers its level-sensitive line).</summary>
    private string HandleEventTimer(Core core)
    {
        eventTimerFired = true;
        PhysicalGic.Deactivate(core, EventTimerPpi);
        return $"IRQ {EventTimerPpi} (event timer)";
    }

    /// <summary>A trap's cost-model charge can carry virtual time past the next event's deadline in the middle of a slice: when the
    /// counter shows it, the slice ends at the trap's return, so the event timer's interrupt is taken there instead of after the rest
    /// of the slice (the counter is a lower bound mid-slice, so this can only end a slice that is really past the deadline).</summary>
    private void EndSliceAtDueEvent(Core core)
    {
        if (NextEventDue is { } due && ExactTicks(core) >= due)
            Machine.Cores[core.CoreId].RequestStop();
    }

    /// <summary>The system count at which the next scheduled event is due, or null when none is left.</summary>
    public ulong? NextEventDue => scheduled.TryPeek(out var due) ? due.AtTicks : null;
}
