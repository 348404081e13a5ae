using System.Globalization;
using System.Text;
using Persona.Hypervisor.Costs;

namespace Persona.Bench.Guest;

/// <summary>The <c>--guest-microbench</c> mode: runs the micro-benchmark guest as a persona and writes the table it printed.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --guest-microbench [OUT.md]</c>. Figures are virtual counter
/// ticks (62.5 MHz, one tick per guest instruction plus what the hypervisor's cost model charges), so they are deterministic: the same
/// build prints the same table on any host and under any load.</remarks>
public static class GuestMicrobenchCommand
{
    /// <summary>The suite's cores: two, so that it can measure the IPI round trip between the persona's two vCPUs.</summary>
    public const int SuiteCores = 2;

    /// <summary>Runs the suite with the default cost model and with no model, prints Markdown, and writes it to the file named, if any.</summary>
    public static void Run(string[] args)
    {
        var report = new StringBuilder();
        report.AppendLine("## Guest micro-benchmarks (guests/microbench under the reference hypervisor)\n");
        report.AppendLine("Command: `dotnet run -c Release --project bench/Persona.Bench -- --guest-microbench`\n");
        report.AppendLine("Virtual counter ticks as the personal persona reads CNTVCT_EL0 around 1,000 iterations of each test (scheduler quantum 1, so");
        report.AppendLine("every read is exact), on a two-core handset. Deterministic: the figures depend on the guest, the hypervisor and the cost model");
        report.AppendLine("only, not on the host. The second core stays parked until the last test starts the persona's second vCPU (PSCI CPU_ON), so");
        report.AppendLine("the other rows are those of a one-core run (a Bench test checks it).");
        report.AppendLine("A world-switch round trip is two switches (to the work persona, which switches straight back) and two hypercalls.");
        report.AppendLine("Virtual IRQ completion: the guest sets its virtual timer to an expired deadline, polls ICC_IAR1_EL1 (IRQs masked) until the");
        report.AppendLine("hypervisor has taken the physical PPI and injected it, stops the timer and writes ICC_EOIR1_EL1: trigger to EOI.");
        report.AppendLine("IPI round trip: vCPU 0 writes ICC_SGI1R_EL1 (SGI 1 to vCPU 1; the write traps and the hypervisor injects a virtual SGI into");
        report.AppendLine("vCPU 1's list registers), vCPU 1 polls ICC_IAR1_EL1, ends it and answers with SGI 2 the same way, which vCPU 0 takes and ends.");
        report.AppendLine("The machine has one clock for both cores (round-robin, one instruction each), so these ticks count both vCPUs' instructions.\n");
        report.AppendLine("### With the default cost model (src/Persona.Hypervisor/Costs)\n");
        report.AppendLine("```");
        report.Append(MicrobenchGuest.RunSuite(CostModel.Default, SuiteCores));
        report.AppendLine("```\n");
        report.AppendLine("### With no cost model (the hypervisor takes no virtual time: only the guest's own instructions count)\n");
        report.AppendLine("```");
        report.Append(MicrobenchGuest.RunSuite(CostModel.Free, SuiteCores));
        report.AppendLine("```\n");
        AppendWorkload(report);
        report.AppendLine("### The cost model's table (ticks per action)\n");
        report.AppendLine("| action | ticks |");
        report.AppendLine("|---|---:|");
        foreach (var action in Enum.GetValues<HypervisorAction>())
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {action} | {CostModel.Default.TicksOf(action)} |"));
        Console.Write(report.ToString());
        if (args.Length > 0)
            File.WriteAllText(args[0], report.ToString());
    }

    // The macro benchmark's workload in virtual time: deterministic, so it shows the overhead the cost model charges without host noise.
    private static void AppendWorkload(StringBuilder report)
    {
        var bare = MicrobenchGuest.Bare(MicrobenchGuest.WorkloadMode, Stream.Null).Run(100_000_000);
        var (machine, hypervisor) = MicrobenchGuest.UnderHypervisor(MicrobenchGuest.WorkloadMode, CostModel.Default);
        var persona = machine.Run(100_000_000);
        report.AppendLine("### The virtualization-overhead workload in virtual time (VirtualizationOverheadBenchmarks' workload)\n");
        report.AppendLine("| machine | instructions | virtual ticks | traps | ticks charged by the cost model |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| bare EL1, stage 2 off | {bare.Instructions:N0} | {bare.Ticks:N0} | 0 | 0 |"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| persona under the hypervisor | {persona.Instructions:N0} | {persona.Ticks:N0} | {hypervisor.TrapCount:N0} | {hypervisor.ChargedTicks:N0} |"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"\nGuest-visible overhead: {(double)persona.Ticks / bare.Ticks:F4}× (both runs end at SYSTEM_OFF: {bare.Reason}, {persona.Reason}).\n"));
    }
}
