using System.CommandLine;
using Persona.Hypervisor.Scenarios;

namespace Persona.Cli.Commands;

/// <summary><c>persona run [SCENARIO] [--no-validate] [--strict]</c>: boots both personas under the reference hypervisor and runs a scenario, every trap validated.</summary>
public static class RunCommand
{
    /// <summary>Builds the <c>run</c> command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO") { Description = "A scenario file (the embedded default day if omitted).", Arity = ArgumentArity.ZeroOrOne };
        var noValidate = new Option<bool>("--no-validate") { Description = "Run without the validator (for overhead measurements)." };
        var strict = new Option<bool>("--strict") { Description = "Also check every guest memory access against ownership (slower)." };
        var command = new Command("run", "Run a scenario on the two-persona hypervisor with every trap and world switch validated against the spec.")
        {
            scenario, noValidate, strict,
        };
        command.SetAction(parse => ExitCodes.Run(() => Run(parse.GetValue(scenario), !parse.GetValue(noValidate), Console.Out, parse.GetValue(strict))));
        return command;
    }

    /// <summary>Runs the scenario and returns 0 when it passed, 1 on a violation or a missed expectation.</summary>
    public static int Run(string? scenarioPath, bool validate, TextWriter output, bool strict = false)
    {
        if (strict && !validate)
            throw new UserInputException("persona run: --strict checks accesses with the validator, so it cannot be combined with --no-validate");
        var scenario = scenarioPath is null ? Scenario.Default : ScenarioParser.ParseFile(scenarioPath);
        var report = ScenarioRunner.Run(scenario, validate, strict);
        var run = report.Run;
        output.WriteLine($"scenario {scenario.Name} ({scenario.Source})");
        foreach (var line in run.PersonalUart.Split('\n', StringSplitOptions.RemoveEmptyEntries)) output.WriteLine($"  [personal uart] {line}");
        foreach (var line in run.WorkUart.Split('\n', StringSplitOptions.RemoveEmptyEntries)) output.WriteLine($"  [work uart] {line}");
        foreach (var line in run.Log) output.WriteLine($"  [hypervisor] {line}");
        output.WriteLine($"  {run.Stop.Instructions} instructions, {run.Traps} traps, {run.Validated} validated, stop: {run.Stop.Reason}");
        if (run.Violation is { } violation)
            output.WriteLine(violation.ToString());
        foreach (var missed in report.Missed)
            output.WriteLine($"{scenario.Source}:{missed.Line}: {missed.Persona.ToString().ToLowerInvariant()} never printed \"{missed.Text}\"");
        output.WriteLine(report.Passed ? "PASS" : "FAIL");
        return report.Passed ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }
}
