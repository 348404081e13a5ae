namespace Persona.Cli;

/// <summary>The exit codes every command shares, and the one place that turns bad input into code 2.</summary>
public static class ExitCodes
{
    /// <summary>Everything checked held.</summary>
    public const int Ok = 0;

    /// <summary>A verification failed; its evidence was printed.</summary>
    public const int VerificationFailed = 1;

    /// <summary>The user's input (a file, an image, an option) was bad; one message said why.</summary>
    public const int BadInput = 2;

    /// <summary>Runs a command body, turning a user-input exception into one clear message and exit code 2.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (BadInputMessage(e) is { } message)
        {
            Console.Error.WriteLine($"persona: {message}");
            return BadInput;
        }
    }

    /// <summary>The message for an exception that means bad user input, or null if it means something else.</summary>
    /// <remarks>Each layer has its own input exception; this is the only list of them.</remarks>
    public static string? BadInputMessage(Exception e) => e switch
    {
        Persona.Spec.Platforms.PlatformFileException p => p.Message,
        UserInputException u => u.Message,
        Persona.Arm.Loading.ImageException i => i.Message,
        Persona.Smt.SmtInputException s => s.Message,
        Persona.Systematic.Testing.SystematicInputException s => s.Message,
        Persona.Hypervisor.Scenarios.ScenarioFileException s => s.Message,
        Persona.Hypervisor.PlatformFitException f => f.Message,
        _ => null,
    };
}

/// <summary>Bad input found by the command line itself, such as a missing file or a bad option value.</summary>
public sealed class UserInputException(string message) : Exception(message);
