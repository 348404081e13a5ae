using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Scenarios;
using Persona.Hypervisor.Validation;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Tests;

/// <summary>One validated run of the embedded default day, shared by the device tests (a run takes seconds).</summary>
public sealed class DefaultDayFixture : DayRun
{
    public DefaultDayFixture() : base(wipeAtTrap: null)
    {
    }
}

/// <summary>A run of the embedded default day (optionally with a remote wipe or seeded bugs), with what happened after every trap.</summary>
public class DayRun
{
    public DayRun(long? wipeAtTrap, HypervisorMutant mutants = HypervisorMutant.None, bool validate = true)
    {
        Scenario = Scenario.Default;
        var options = new RunOptions(mutants, Scenario.WorkMode, validate, Scenario.MaxInstructions, wipeAtTrap, Scenario.Events, Scenario.Day);
        (Machine, Hypervisor, Validator) = PersonaRun.Build(DefaultPlatform.Load(), options);
        Recorder = new TrapRecorder(Hypervisor, Hypervisor.Observer);
        Hypervisor.Observer = Recorder;
        Stop = PersonaRun.RunWithEvents(Machine, Hypervisor, options);
    }

    public Scenario Scenario { get; }

    public Machine Machine { get; }

    public Hypervisor Hypervisor { get; }

    public Validator? Validator { get; }

    public TrapRecorder Recorder { get; }

    public MachineRunResult Stop { get; }

    public string Uart(Component persona) => Hypervisor.UartOutput(persona);

    /// <summary>Whether any physical sector of the work partition holds the given bytes.</summary>
    public bool WorkPartitionHolds(ReadOnlySpan<byte> text) => PartitionHolds(Component.Work, text);

    /// <summary>Whether any physical sector of a persona's partition holds the given bytes.</summary>
    public bool PartitionHolds(Component persona, ReadOnlySpan<byte> text)
    {
        foreach (var sector in Hypervisor.Storage.Emmc.WrittenSectors)
        {
            if (Hypervisor.Storage.OwnerOfSector(sector) == persona && Hypervisor.Storage.Emmc.RawSector(sector).AsSpan().IndexOf(text) >= 0)
                return true;
        }
        return false;
    }
}

/// <summary>Forwards to the validator and keeps, after every trap, the trap, the foreground, and the personas' pending modem interrupts.</summary>
public sealed class TrapRecorder(Hypervisor hypervisor, ITrapObserver? inner) : ITrapObserver
{
    public List<(TrapRecord Trap, Component Foreground, bool[] SavedModemPending)> After { get; } = [];

    /// <summary>The eMMC's written sectors (number → bytes) at the entry of the last trap before the work persona was wiped, and right after.</summary>
    public Dictionary<long, byte[]>? BeforeWipe { get; private set; }

    public Dictionary<long, byte[]>? AfterWipe { get; private set; }

    public void OnTrapEntry(Core core, Component persona)
    {
        if (!hypervisor.WorkWiped)
            BeforeWipe = Snapshot();
        inner?.OnTrapEntry(core, persona);
    }

    public void OnTrapHandled(Core core, TrapRecord trap)
    {
        inner?.OnTrapHandled(core, trap);
        if (hypervisor.WorkWiped && AfterWipe is null)
            AfterWipe = Snapshot();
        var lr0 = Vcpu.SavedRegisters.IndexOfPlatform("ICH_LR0_EL2");
        var pending = HypervisorLayout.Personas.Select(p => p != hypervisor.Foreground && hypervisor.SavedContextOf(p) is { } saved
            && Enumerable.Range(0, 4).Any(n => (saved[lr0 + n] & (3UL << 62)) != 0 && (saved[lr0 + n] & 0xFFFF_FFFF) == 49)).ToArray();
        After.Add((trap, hypervisor.Foreground, pending));
    }

    private Dictionary<long, byte[]> Snapshot() => hypervisor.Storage.Emmc.WrittenSectors.ToDictionary(s => s, hypervisor.Storage.Emmc.RawSector);
}
