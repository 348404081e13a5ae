namespace Persona.Cli.Tests;

/// <summary>Runs <c>persona</c> in process and captures its output and exit code.</summary>
internal static class CliRunner
{
    private static readonly object ConsoleLock = new();

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        lock (ConsoleLock)
        {
            var oldOut = Console.Out;
            var oldError = Console.Error;
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            var oldAnsi = Spectre.Console.AnsiConsole.Console;
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(output),
                Ansi = Spectre.Console.AnsiSupport.No,
                ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
                Interactive = Spectre.Console.InteractionSupport.No,
            });
            try
            {
                var code = Program.Main(args);
                return (code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
                Spectre.Console.AnsiConsole.Console = oldAnsi;
            }
        }
    }
}
