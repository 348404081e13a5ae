using System.CommandLine;
using Persona.Proofs;
using Persona.Proofs.Proving;
using Persona.Spec;
using Spectre.Console;

namespace Persona.Cli.Commands;

/// <summary><c>persona prove [PLATFORM]</c>: discharges every proof obligation with Z3 and prints the table.</summary>
public static class ProveCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var platform = new Argument<FileInfo?>("platform") { Description = "A platform file (default: the embedded 2011 handset).", Arity = ArgumentArity.ZeroOrOne };
        var emit = new Option<DirectoryInfo?>("--emit") { Description = "Write each obligation as SMT-LIB2 into this directory." };
        var results = new Option<FileInfo?>("--results") { Description = "Write the results as JSON to this file." };
        var timeout = new Option<uint>("--timeout") { Description = "Solver timeout per obligation, in milliseconds.", DefaultValueFactory = _ => 60_000 };
        var workers = new Option<int>("--workers") { Description = "Obligation groups solved at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var filter = new Option<string?>("--filter") { Description = "Only obligations whose id contains this text (e.g. IND.share or NI-)." };
        var failuresOnly = new Option<bool>("--failures-only") { Description = "List only obligations that were not proved." };
        var command = new Command("prove", "Prove the isolation rules: initiation, inductiveness, noninterference, wipe scoping.")
        {
            platform, emit, results, timeout, workers, filter, failuresOnly,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(workers) < 1) throw new UserInputException($"--workers must be at least 1, not {parse.GetValue(workers)}");
            var run = Run(PlatformSource.Load(parse.GetValue(platform)),
                new ProofOptions(parse.GetValue(timeout), parse.GetValue(workers), parse.GetValue(emit)?.FullName),
                parse.GetValue(filter));
            Print(run, parse.GetValue(failuresOnly));
            if (parse.GetValue(results) is { } file) File.WriteAllText(file.FullName, run.ToJson());
            return run.AllProved ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }

    /// <summary>Runs the proofs with a progress bar.</summary>
    public static ProofRun Run(Persona.Spec.Platforms.Platform platform, ProofOptions options, string? filter)
    {
        ProofRun? run = null;
        var count = Persona.Proofs.Obligations.ObligationSet.For(SpecModel.Default, platform).Count(o => filter is null || o.Id.Contains(filter, StringComparison.Ordinal));
        if (count == 0) throw new UserInputException($"--filter '{filter}' matches no obligation");
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"proving {count} obligations on {platform.Name}", maxValue: count);
                run = ProofRun.Execute(SpecModel.Default, platform, options, _ => task.Increment(1),
                    filter is null ? null : o => o.Id.Contains(filter, StringComparison.Ordinal));
            });
        return run!;
    }

    /// <summary>Prints the obligation table, the counterexamples and the summary.</summary>
    public static void Print(ProofRun run, bool failuresOnly)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("obligation").AddColumn("rule").AddColumn("operation").AddColumn("result").AddColumn(new TableColumn("time (ms)").RightAligned());
        foreach (var r in run.Results.Where(r => !failuresOnly || r.Status != ProofStatus.Proved))
        {
            var status = r.Status switch
            {
                ProofStatus.Proved => "[green]proved[/]",
                ProofStatus.Refuted => "[red]REFUTED[/]",
                _ => $"[yellow]UNKNOWN ({Markup.Escape(r.Reason ?? "")})[/]",
            };
            table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.RuleId), Markup.Escape(r.Operation ?? "-"), status, r.Milliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        foreach (var r in run.Results.Where(r => r.Counterexample is not null))
            AnsiConsole.WriteLine(r.Counterexample!.ToText());
        var proved = run.Results.Count(r => r.Status == ProofStatus.Proved);
        var refuted = run.Results.Count(r => r.Status == ProofStatus.Refuted);
        var unknown = run.Results.Count(r => r.Status == ProofStatus.Unknown);
        AnsiConsole.MarkupLine($"{proved} proved, {refuted} refuted, {unknown} unknown of {run.Results.Count} obligations on {Markup.Escape(run.Platform)} in {run.TotalMilliseconds / 1000:F1} s (Z3 {Markup.Escape(run.SolverVersion)})");
    }
}
