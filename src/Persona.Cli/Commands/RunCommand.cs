using System.CommandLine;
using Persona.Hypervisor.Scenarios;

namespace Persona.Cli.Commands;

/// <summary><c>persona run [SCENARIO] [--no-validate] [--strict] [--cores N]</c>: boots both personas under the reference hypervisor and runs a scenario, every trap validated.</summary>
public static class RunCommand
{
    /// <summary>Builds the <c>run</c> command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO") { Description = "A scenario file (the embedded default day if omitted).", Arity = ArgumentArity.ZeroOrOne };
        var noValidate = new Option<bool>("--no-validate") { Description = "Run without the validator (for overhead measurements)." };
        var strict = new Option<bool>("--strict") { Description = "Also check every guest memory access against ownership (slower)." };
        var cores = new Option<string?>("--cores")
        {
            Description = $"Physical cores of the handset, 1 to {CoresDirective.Maximum} (overrides the scenario's 'cores' line; each persona gets one vCPU per core).",
        };
        var command = new Command("run", "Run a scenario on the two-persona hypervisor with every trap and world switch validated against the spec.")
        {
            scenario, noValidate, strict, cores,
        };
        command.SetAction(parse => ExitCodes.Run(() =>
            Run(parse.GetValue(scenario), !parse.GetValue(noValidate), Console.Out, parse.GetValue(strict), CoresOption(parse.GetValue(cores)))));
        return command;
    }

    /// <summary>The <c>--cores</c> value as a count, or null when the option is absent.</summary>
    /// <exception cref="UserInputException">The value is not a whole number from 1 to the machine's maximum.</exception>
    public static int? CoresOption(string? text) =>
        text is null ? null
        : CoresDirective.TryParse(text) ?? throw new UserInputException($"persona run: --cores must be a whole number from 1 to {CoresDirective.Maximum}, not '{text}'");

    /// <summary>Runs the scenario (on <paramref name="cores"/> cores when given) and returns 0 when it passed, 1 on a violation or a missed expectation.</summary>
    public static int Run(string? scenarioPath, bool validate, TextWriter output, bool strict = false, int? cores = null)
    {
        if (strict && !validate)
            throw new UserInputException("persona run: --strict checks accesses with the validator, so it cannot be combined with --no-validate");
        var scenario = scenarioPath is null ? Scenario.Default : ScenarioParser.ParseFile(scenarioPath);
        var report = ScenarioRunner.Run(scenario, validate, strict, cores);
        var run = report.Run;
        output.WriteLine($"scenario {scenario.Name} ({scenario.Source}) on {cores ?? scenario.Cores} core{((cores ?? scenario.Cores) == 1 ? "" : "s")}");
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
