using System.CommandLine;
using Persona.Cli.Reports;
using Persona.Cli.Verification;
using Spectre.Console;

namespace Persona.Cli.Commands;

/// <summary><c>persona verify [PLATFORM]</c>: the whole chain on a platform, a summary table, reports, and an exit code.</summary>
public static class VerifyCommand
{
    /// <summary>The stages, in the order they run.</summary>
    public static IReadOnlyList<IVerificationStage> Stages { get; } = [new ProofStage(), new SystematicStage(iterations: 1000), new ScenarioStage()];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var platform = new Argument<FileInfo?>("platform") { Description = "A platform file (default: the embedded 2011 handset).", Arity = ArgumentArity.ZeroOrOne };
        var workers = new Option<int>("--workers") { Description = "Parallel workers.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<ulong>("--seed") { Description = "Base seed of every randomized stage.", DefaultValueFactory = _ => 1 };
        var reports = new Option<DirectoryInfo>("--reports") { Description = "Where to write the reports.", DefaultValueFactory = _ => new DirectoryInfo("persona-reports") };
        var command = new Command("verify", "Run the whole verification: proofs, systematic tests, the validated scenario; write reports.")
        {
            platform, workers, seed, reports,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(workers) < 1) throw new UserInputException($"--workers must be at least 1, not {parse.GetValue(workers)}");
            ReportFiles.Prepare(parse.GetValue(reports)!.FullName);
            var p = PlatformSource.Load(parse.GetValue(platform));
            var options = new VerifyOptions(parse.GetValue(workers), parse.GetValue(seed), parse.GetValue(reports)!.FullName);
            return Run(p, options);
        });
        return command;
    }

    /// <summary>Runs every stage with progress, prints the summary, writes the reports, and returns the exit code.</summary>
    public static int Run(Persona.Spec.Platforms.Platform platform, VerifyOptions options) => Run(platform, options, Stages);

    /// <summary>Runs the given stages with progress, prints the summary, writes the four reports, and returns the exit code.</summary>
    public static int Run(Persona.Spec.Platforms.Platform platform, VerifyOptions options, IReadOnlyList<IVerificationStage> stages)
    {
        var results = new List<StageResult>();
        AnsiConsole.MarkupLine($"[bold]persona verify[/] on [blue]{Markup.Escape(platform.Name)}[/] ({Markup.Escape(platform.Source)})");
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = stages.Select(s => ctx.AddTask(s.Name, autoStart: false, maxValue: 1.0)).ToList();
                for (var i = 0; i < stages.Count; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    results.Add(stages[i].Run(platform, options, new ImmediateProgress<double>(f => task.Value = Math.Max(task.Value, f))));
                    task.Value = 1.0;
                    task.StopTask();
                }
            });
        var table = new Table().Border(TableBorder.Rounded).AddColumn("stage").AddColumn("result").AddColumn("summary").AddColumn(new TableColumn("time (s)").RightAligned());
        foreach (var r in results)
            table.AddRow(r.Stage, r.NotApplicable is not null ? "[yellow]not applicable[/]" : r.Passed ? "[green]passed[/]" : "[red]FAILED[/]", Markup.Escape(r.Summary), r.Seconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        foreach (var r in results.Where(r => r.NotApplicable is not null))
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(r.Stage)} not applicable:[/] {Markup.Escape(r.NotApplicable!)}");
        foreach (var evidence in results.SelectMany(r => r.Evidence)) AnsiConsole.WriteLine(evidence);
        var report = new VerifyReport(platform, options, results);
        var writing = System.Diagnostics.Stopwatch.StartNew();
        var paths = ReportFiles.Write(report, options.ReportDirectory);
        AnsiConsole.MarkupLine($"reports ({writing.ElapsedMilliseconds} ms): {Markup.Escape(string.Join(", ", paths))}");
        if (paths.FirstOrDefault(p => p.EndsWith(".html", StringComparison.Ordinal)) is { } html)
            AnsiConsole.MarkupLine($"open [blue]{Markup.Escape(html)}[/] in a browser: the proof table, each concurrency bug's diagram, the trap chart, the page-ownership map");
        AnsiConsole.MarkupLine(report.Passed ? $"[green bold]{Markup.Escape(report.Verdict)}[/]" : $"[red bold]{Markup.Escape(report.Verdict)}[/]");
        return report.ExitCode;
    }
}
