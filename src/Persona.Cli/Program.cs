using System.CommandLine;

namespace Persona.Cli;

/// <summary>The entry point of the <c>persona</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("Persona: evidence that a two-persona phone hypervisor keeps personal and work apart.")
        {
            Commands.TestCommand.Create(),
        };
        return ExitCodes.Run(() => root.Parse(args).Invoke());
    }
}
