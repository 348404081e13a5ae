using Persona.Arm.Loading;
using Persona.Arm.Platform;
using Persona.Hypervisor.Costs;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Bench.Guest;

/// <summary>The micro-benchmark guest (guests/microbench, embedded in this assembly) and the two machines it runs on.</summary>
/// <remarks>One image, three modes chosen by x0 at entry (guests/microbench/microbench.h): the measurement suite, the world-switch
/// partner, and a memory-and-ALU workload that prints one UART byte per round.</remarks>
public static class MicrobenchGuest
{
    /// <summary>x0 for the measurement suite (the personal persona).</summary>
    public const ulong SuiteMode = 0;

    /// <summary>x0 for the partner that switches straight back (the work persona).</summary>
    public const ulong PartnerMode = 1;

    /// <summary>x0 for the workload.</summary>
    public const ulong WorkloadMode = 2;

    /// <summary>The guest's ELF bytes.</summary>
    public static byte[] Image { get; } = ReadImage();

    /// <summary>A one-core machine (RAM only as big as the workload needs) with the guest loaded and core 0 at its entry at EL1, stage 2 off.</summary>
    public static Machine Bare(ulong mode, Stream uart)
    {
        var machine = new Machine(new MachineOptions { CoreCount = 1, RamSize = 64UL << 20 }, InterpreterCore.Factory(), uart);
        var image = ElfLoader.Load("embedded:microbench.elf", Image, machine.Bus.Ram);
        machine.Cores[0].PowerOn(image.EntryPoint, mode, 1);
        return machine;
    }

    /// <summary>The default handset under the reference hypervisor (unvalidated), the guest booted as both personas.</summary>
    /// <param name="personalMode">x0 for the personal persona (the work persona always runs the partner).</param>
    /// <param name="costs">The hypervisor's cost model.</param>
    /// <param name="quantum">The scheduler's slice; 1 makes every counter read exact (time advances after every instruction).</param>
    /// <param name="cores">Physical cores; with two the hypervisor tells the guest (x0's SMP flag) and the suite adds the IPI round trip.</param>
    public static (Machine Machine, Persona.Hypervisor.Hypervisor Hypervisor) UnderHypervisor(ulong personalMode, CostModel costs,
        int quantum = RoundRobinScheduler.DefaultQuantum, int cores = 1)
    {
        var platform = DefaultPlatform.Load();
        var options = new MachineOptions { CoreCount = cores, RamSize = platform.Ram.Size, Scheduler = new RoundRobinScheduler(quantum) };
        var machine = new Machine(options, InterpreterCore.Factory(), Stream.Null);
        var hypervisor = new Persona.Hypervisor.Hypervisor(machine, platform) { CostModel = costs };
        hypervisor.Boot(Image, Image, PartnerMode);
        // Boot starts the personal persona with x0 = its flags (SMP on several cores); the workload asks for another mode.
        hypervisor.BootCore.SetX(0, hypervisor.BootCore.GetX(0) | personalMode);
        return (machine, hypervisor);
    }

    /// <summary>Runs the measurement suite under the hypervisor and returns the table the guest printed (with the IPI round trip on two cores).</summary>
    /// <exception cref="InvalidOperationException">The guest did not finish its table.</exception>
    public static string RunSuite(CostModel costs, int cores = 1) => RunSuiteOn(costs, cores).Table;

    /// <summary>Runs the measurement suite and returns the table with the hypervisor it ran under (for its guest SGI record).</summary>
    /// <exception cref="InvalidOperationException">The guest did not finish its table.</exception>
    public static (string Table, Persona.Hypervisor.Hypervisor Hypervisor) RunSuiteOn(CostModel costs, int cores)
    {
        var (machine, hypervisor) = UnderHypervisor(SuiteMode, costs, quantum: 1, cores: cores);
        var stop = machine.Run(50_000_000);
        var table = hypervisor.UartOutput(Component.Personal);
        if (!table.Contains("end\n", StringComparison.Ordinal))
            throw new InvalidOperationException($"the micro-benchmark guest did not finish ({stop.Reason} after {stop.Instructions} instructions); it printed: {table}");
        return (table, hypervisor);
    }

    private static byte[] ReadImage()
    {
        using var stream = typeof(MicrobenchGuest).Assembly.GetManifestResourceStream("microbench.elf")
            ?? throw new InvalidOperationException("the micro-benchmark guest microbench.elf is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
