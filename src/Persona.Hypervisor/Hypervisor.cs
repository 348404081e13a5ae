using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Hypervisor.Devices;
using Persona.Hypervisor.Memory;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor;

/// <summary>The reference two-persona hypervisor at EL2: the machine calls it on every exception taken to EL2, and it acts only
/// through architectural state (registers, stage-2 tables in emulated RAM, TLB maintenance).</summary>
public sealed partial class Hypervisor : IEl2Handler
{
    private readonly Stage2Tables[] tables = new Stage2Tables[2];
    private readonly ulong[]?[][] contexts;
    private readonly bool[] halted = new bool[2];
    private readonly System.Text.StringBuilder[] uart = [new(), new()];
    private readonly List<string> log = [];
    private readonly Dictionary<long, (Component Borrower, int Slot)> lent = [];
    private readonly long?[][] borrowedSlots = [new long?[HypervisorLayout.ChannelSlots], new long?[HypervisorLayout.ChannelSlots]];
    private long trapCount;

    /// <summary>A hypervisor for a machine built on the platform's RAM; <see cref="Boot"/> sets it up.</summary>
    public Hypervisor(Machine machine, Platform platform, HypervisorMutant mutants = HypervisorMutant.None)
    {
        if (machine.Bus.Ram.Base != platform.Ram.Base || machine.Bus.Ram.Size != platform.Ram.Size)
            throw new ArgumentException($"the machine's RAM 0x{machine.Bus.Ram.Base:x}+0x{machine.Bus.Ram.Size:x} is not platform {platform.Name}'s {platform.Ram}");
        Machine = machine;
        Platform = platform;
        Mutants = mutants;
        Ownership = new PageOwnership(platform);
        Devices = new DeviceBroker(platform);
        contexts = [.. machine.Cores.Select(_ => new ulong[]?[2])];
        live = new Component?[machine.Cores.Count];
        contextEdits = [.. machine.Cores.Select(_ => new Dictionary<int, ulong>[] { [], [] })];
        live[0] = Component.Personal;
        var pool = new TablePool(machine.Bus.Ram, PlatformFit.TablePoolBase(platform), HypervisorLayout.TablePoolSize);
        foreach (var persona in HypervisorLayout.Personas)
        {
            var vmid = HypervisorLayout.VmidOf(mutants.HasFlag(HypervisorMutant.WrongVmid) ? Component.Personal : persona);
            tables[(int)persona] = new Stage2Tables(persona, vmid, pool);
        }
    }

    /// <summary>The machine it runs on.</summary>
    public Machine Machine { get; }

    /// <summary>The platform description (memory regions, devices).</summary>
    public Platform Platform { get; }

    /// <summary>The seeded bugs it runs with.</summary>
    public HypervisorMutant Mutants { get; }

    /// <summary>The per-page ownership metadata.</summary>
    public PageOwnership Ownership { get; }

    /// <summary>The device table.</summary>
    public DeviceBroker Devices { get; }

    /// <summary>The persona in the foreground (running on the core).</summary>
    public Component Foreground { get; private set; } = Component.Personal;

    /// <summary>The validator, or null for an unvalidated run.</summary>
    public ITrapObserver? Observer { get; set; }

    /// <summary>The number of traps handled.</summary>
    public long TrapCount => trapCount;

    /// <summary>The hypervisor's decisions worth a line: refusals, denied accesses, halts.</summary>
    public IReadOnlyList<string> Log => log;

    /// <summary>A persona's stage-2 tables.</summary>
    public Stage2Tables TablesOf(Component persona) => tables[(int)persona];

    /// <summary>A persona's saved context on the boot core (register values in <see cref="Vcpu.SavedRegisters"/> order), or null before it has one.</summary>
    public ulong[]? SavedContextOf(Component persona) => contexts[0][(int)persona];

    /// <summary>What a persona has printed on its UART.</summary>
    public string UartOutput(Component persona) => uart[(int)persona].ToString();

    /// <summary>Whether a persona has powered itself off.</summary>
    public bool IsHalted(Component persona) => halted[(int)persona];

    /// <summary>The pages currently lent between the personas: frame → borrower and the borrower's IPA.</summary>
    public IReadOnlyDictionary<long, (Component Borrower, ulong Ipa)> LentPages =>
        lent.ToDictionary(kv => kv.Key, kv => (kv.Value.Borrower, ChannelIpaOf(kv.Value.Slot)));

    /// <summary>The boot core.</summary>
    public Core BootCore => ((InterpreterCore)Machine.Cores[0]).Core;

    private static ulong ChannelIpaOf(int slot) => HypervisorLayout.ChannelIpa + ((ulong)slot * HypervisorLayout.PageSize);

    /// <summary>The most lines <see cref="Log"/> and the most entries each diagnostic record (<see cref="Injected"/>,
    /// <see cref="GuestSgis"/>) keeps: a guest decides how often it is refused, so without a bound it could grow the host's memory
    /// for as long as it runs (a hypercall or SGI loop adds one entry per trap).</summary>
    public const int MaxRecords = 10_000;

    private void Note(string line)
    {
        if (log.Count < MaxRecords)
            log.Add(line);
        else if (log.Count == MaxRecords)
            log.Add($"... the log is full ({MaxRecords} lines): later decisions are not recorded");
    }

    /// <summary>Adds to a diagnostic record while it has room (<see cref="MaxRecords"/>).</summary>
    private static void Record<T>(List<T> records, T entry)
    {
        if (records.Count < MaxRecords)
            records.Add(entry);
    }
}
