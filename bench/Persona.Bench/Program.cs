using BenchmarkDotNet.Running;

namespace Persona.Bench;

/// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher).</summary>
public static class Program
{
    /// <summary>Entry point: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*'</c>.</summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--systematic-figures")
        {
            Systematic.SystematicFigures.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "--protocols-figures")
        {
            Protocols.ProtocolFigures.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "--guest-microbench")
        {
            Guest.GuestMicrobenchCommand.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "--plot")
        {
            Plot.PlotCommand.Run(args[1..]);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
