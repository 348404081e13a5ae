using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform.Devices;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>The trap dispatcher: hypercalls, stage-2 data aborts (the persona UARTs, emulated devices, denied accesses), physical IRQs, SMC/PSCI; external events after each.</summary>
public sealed partial class Hypervisor
{
    // PSCI identifiers and results come from the platform's one definition (Persona.Arm's PsciFunction/PsciResult).
    private const ulong PsciSystemOff = (ulong)PsciFunction.SystemOff;
    private const ulong PsciSystemReset = (ulong)PsciFunction.SystemReset;
    private const ulong PsciCpuOff = (ulong)PsciFunction.CpuOff;
    private const ulong PsciCpuOn = (ulong)PsciFunction.CpuOn64;
    private const ulong PsciNotSupported = unchecked((ulong)(long)PsciResult.NotSupported);

    /// <inheritdoc/>
    public void HandleException(Core core, in ExceptionRecord record)
    {
        var persona = live[core.CoreId] ?? Foreground;
        handlingCore = core.CoreId;
        Observer?.OnTrapEntry(core, persona);
        contextEdits[core.CoreId][(int)persona].Clear();
        var steps = new List<SpecStep>();
        var switchedBefore = Foreground;
        var elr = core.ReadSystemRegister(SystemRegister.ElrEl2);
        string description;
        if (record.Kind == ExceptionKind.Irq)
        {
            description = HandleInterrupt(core, persona, steps);
        }
        else if (record.Kind != ExceptionKind.Synchronous)
        {
            description = $"{record.Kind} interrupt";
            Note($"{persona}: unexpected {record.Kind} at EL2, ignored");
        }
        else
        {
            description = ((ExceptionClass)(record.Syndrome >> 26)) switch
            {
                ExceptionClass.Hvc64 when core.CoreId != 0 && core.GetX(0) == (ulong)Hypercall.Switch => RefuseSecondarySwitch(core, persona),
                ExceptionClass.Hvc64 => HandleHypercall(core, persona, steps),
                ExceptionClass.Smc64 => HandleFirmwareCall(core, persona, steps),
                ExceptionClass.DataAbortLowerEl => HandleDataAbort(core, persona, record, steps),
                ExceptionClass.SystemRegisterTrap when IsSgi1rWrite(record.Syndrome) => HandleGuestSgi(core, persona, record.Syndrome),
                var ec => HandleUnexpected(core, persona, ec, steps),
            };
        }
        // External events (the user, the modem) reach the handset's UI, which runs on the boot vCPU: they apply on boot-core traps.
        if (core.CoreId == 0)
            ApplyExternalEvents(core, steps);
        if (WipeDue(core))
            OrderWipe(core, steps);
        AdvanceWipe(core, steps);
        if (PowerLost)
            return;
        trapCount++;
        var trap = new TrapRecord(trapCount, core.CoreId, persona, description, record.Syndrome, elr, steps, Foreground != switchedBefore);
        ChargeTrap(trap);
        EndSliceAtDueEvent(core);
        Observer?.OnTrapHandled(core, trap);
    }

    private static void SkipInstruction(Core core) =>
        core.WriteSystemRegister(SystemRegister.ElrEl2, core.ReadSystemRegister(SystemRegister.ElrEl2) + 4);

    private string HandleDataAbort(Core core, Component persona, in ExceptionRecord record, List<SpecStep> steps)
    {
        var esr = record.Syndrome;
        // Read HPFAR_EL2 and FAR_EL2 from the core (architectural state): ExceptionRecord's HPFAR field holds the raw IPA, not HPFAR's layout.
        var ipa = ((core.ReadSystemRegister(SystemRegister.HpfarEl2) >> 4) << 12) | (core.ReadSystemRegister(SystemRegister.FarEl2) & 0xFFF);
        var valid = ((esr >> 24) & 1) != 0;
        var write = ((esr >> 6) & 1) != 0;
        var register = (int)((esr >> 16) & 31);
        var size = 1 << (int)((esr >> 22) & 3);
        SkipInstruction(core);
        var access = $"data abort {(write ? "write" : "read")} IPA 0x{ipa:x}";
        if (!valid)
        {
            Note($"{persona}: {access} without a valid syndrome, skipped");
            return access;
        }
        ulong value = 0;
        if (ipa >= HypervisorLayout.UartIpa && ipa < HypervisorLayout.UartIpa + HypervisorLayout.UartSize)
        {
            if (write && ipa == HypervisorLayout.UartIpa)
                uart[(int)persona].Append((char)(byte)(register == 31 ? 0 : core.GetX(register)));
            else if (!write && ipa == HypervisorLayout.UartIpa + UartFlagOffset)
                value = UartFlagsIdle;
        }
        else if (!TryEmulateDevice(core, persona, ipa, write, register == 31 ? 0 : core.GetX(register), steps, out value))
        {
            Note($"{persona}: denied {access} ({size} bytes): not mapped for this persona; reads as zero, writes ignored");
        }
        if (!write && register != 31)
            core.SetX(register, value);
        return access;
    }

    /// <summary>The PL011 flag register's offset.</summary>
    private const ulong UartFlagOffset = 0x18;

    /// <summary>PL011 FR with the transmit FIFO empty and the receive FIFO empty: output never waits.</summary>
    private const ulong UartFlagsIdle = 0x90;

    private string HandleFirmwareCall(Core core, Component persona, List<SpecStep> steps)
    {
        SkipInstruction(core);
        var function = core.GetX(0);
        if (core.CoreId != 0)
            return HandleSecondaryFirmwareCall(core, persona, function);
        if (function == PsciCpuOn)
        {
            core.SetX(0, (ulong)(long)StartVcpu(core, persona));
            return $"SMC PSCI CPU_ON(core {core.GetX(1)})";
        }
        if (function is PsciSystemOff or PsciCpuOff)
        {
            Halt(core, persona, steps, "powered off");
            return $"SMC PSCI 0x{function:x} (power off)";
        }
        // A persona's SYSTEM_RESET never resets the handset (the other persona runs on): the caller stops, as for SYSTEM_OFF. PSCI
        // says the call does not return, and the hypervisor offers no persona reboot, so stopping is the only faithful answer.
        if (function == PsciSystemReset)
        {
            Halt(core, persona, steps, "stopped: SYSTEM_RESET stops only the calling persona");
            return $"SMC PSCI 0x{function:x} (system reset: the persona stops)";
        }
        core.SetX(0, PsciNotSupported);
        Note($"{persona}: PSCI function 0x{function:x} not supported");
        return $"SMC PSCI 0x{function:x}";
    }

    private string HandleUnexpected(Core core, Component persona, ExceptionClass ec, List<SpecStep> steps)
    {
        if (core.CoreId != 0)
        {
            StopSecondaryVcpu(core, persona, $"stopped after an unexpected exception class {ec}");
            return $"unexpected {ec}";
        }
        Halt(core, persona, steps, $"stopped after an unexpected exception class {ec}");
        return $"unexpected {ec}";
    }

    /// <summary>A persona stops for good: the other runs if it can, else the machine powers off.</summary>
    private void Halt(Core core, Component persona, List<SpecStep> steps, string why)
    {
        halted[(int)persona] = true;
        Note($"{persona}: {why}");
        var other = HypervisorLayout.Other(persona);
        if (MayRun(other))
            SwitchTo(core, other, steps);
        else if (WipeAwaitsCores)
            DeferPowerOffUntilWiped(core);
        else
            Machine.PowerOffSystem(core.CoreId);
    }
}
