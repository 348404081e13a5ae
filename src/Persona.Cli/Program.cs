using System.CommandLine;
using Persona.Cli.Commands;

namespace Persona.Cli;

/// <summary>The entry point of the <c>persona</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("Persona: evidence that a two-persona phone hypervisor keeps personal and work apart.")
        {
            VerifyCommand.Create(),
            ProveCommand.Create(),
            Commands.EmuCommand.Create(),
            Commands.TestCommand.Create(),
            RunCommand.Create(),
        };
        return ExitCodes.Run(() =>
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) Console.Error.WriteLine($"persona: {error.Message}");
                return ExitCodes.BadInput;
            }
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        });
    }
}
