using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Persona.Systematic.Traces;
using Spectre.Console;

namespace Persona.Cli.Commands;

/// <summary><c>persona test</c>: runs registered systematic tests, or replays a trace, and writes bug artefacts.</summary>
public static class TestCommand
{
    private static readonly Argument<string[]> Names = new("tests") { Description = "Names of the tests to run (default: those registered to run by default).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Iterations = new("--iterations", "-i") { Description = "Iterations per test (default 100)." };
    private static readonly Option<string?> Strategy = new("--strategy", "-s") { Description = "random, probabilistic, pct, prioritization, fair-pct, delay-bounding, fair-delay-bounding, dfs or portfolio (default)." };
    private static readonly Option<string?> Bound = new("--bound", "-b") { Description = "The strategy's bound (PCT depth, change points, delays, probabilistic b)." };
    private static readonly Option<string?> Seed = new("--seed") { Description = "The base seed (default 0); iteration i uses a seed derived from it and i." };
    private static readonly Option<string?> Seeds = new("--seeds") { Description = "Run only iterations A..B of the run (to split one run across machines)." };
    private static readonly Option<string?> MaxSteps = new("--max-steps", "-ms") { Description = "Step limit: N for unfair iterations, 10N for fair ones (defaults 10000/100000)." };
    private static readonly Option<string?> Workers = new("--workers", "-w") { Description = "Parallel in-process workers (results do not depend on this)." };
    private static readonly Option<string?> Replay = new("--replay") { Description = "Replay a trace file instead of exploring." };
    private static readonly Option<string?> TraceOut = new("--trace-out") { Description = "Directory for bug traces, logs and diagrams (default ./persona-test-output)." };
    private static readonly Option<bool> Coverage = new("--coverage") { Description = "Write state and event coverage of the whole run." };
    private static readonly Option<bool> List = new("--list") { Description = "List the registered tests and exit." };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("test", "Run systematic concurrency tests under a controlled scheduler, or replay a trace.")
        {
            Names, Iterations, Strategy, Bound, Seed, Seeds, MaxSteps, Workers, Replay, TraceOut, Coverage, List,
        };
        command.Action = new Runner();
        return command;
    }

    /// <summary>Runs even when parsing failed, so that bad options get our message and exit code 2 rather than the parser's default.</summary>
    private sealed class Runner : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult) => ExitCodes.Run(() => Execute(parseResult));
    }

    private static int Execute(ParseResult parse)
    {
        if (parse.Errors.Count > 0)
        {
            throw new UserInputException($"test: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
        // Spectre draws only the progress bar; results go to plain stdout so long paths are never wrapped.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var registry = TestRegistry.DiscoverFrom(typeof(TestCommand).Assembly);
        if (parse.GetValue(List))
        {
            foreach (var t in registry) Console.Out.WriteLine($"{t.Name,-28} {(t.RunByDefault ? "default" : t.ExpectsBug ? "known bug" : ""),-9} {t.Description}");
            return ExitCodes.Ok;
        }
        string outDir = parse.GetValue(TraceOut) ?? Path.Combine(Environment.CurrentDirectory, "persona-test-output");
        if (parse.GetValue(Replay) is { } replayPath) return RunReplay(registry, replayPath, parse.GetValue(Names) ?? [], outDir);
        var config = ParseConfiguration(parse, out var overrides);
        var tests = SelectTests(registry, parse.GetValue(Names) ?? []);
        if (tests.Count == 0)
        {
            Console.Out.WriteLine("test: no test is registered to run by default; name one of: " + string.Join(", ", registry.Select(t => t.Name)));
            return ExitCodes.Ok;
        }
        bool anyBug = false;
        foreach (var registered in tests)
        {
            var test = registered.Create();
            var testConfig = overrides(test.Configure(config));
            var report = RunWithProgress(console, registered.Name, test, testConfig);
            Console.Out.Write(report.Summary());
            if (report.Coverage is { } coverage)
            {
                Directory.CreateDirectory(outDir);
                string path = Path.Combine(outDir, registered.Name + ".coverage.txt");
                File.WriteAllText(path, coverage.ToText());
                Console.Out.WriteLine($"  coverage: {path}");
            }
            if (report.BugTrace is { } raw)
            {
                anyBug = true;
                var artifacts = TestEngine.Describe(test, report.ShrunkTrace ?? raw);
                var paths = artifacts.WriteTo(outDir);
                Console.Out.WriteLine($"  trace:    {paths.Trace}");
                Console.Out.WriteLine($"  log:      {paths.Log}");
                Console.Out.WriteLine($"  diagram:  {paths.Html}");
                Console.Out.WriteLine($"  mermaid:  {paths.Mermaid}");
                Console.Out.WriteLine($"  replay:   persona test --replay {paths.Trace}");
            }
        }
        return anyBug ? ExitCodes.VerificationFailed : ExitCodes.Ok;
    }

    private static TestReport RunWithProgress(IAnsiConsole console, string name, ISystematicTest test, TestConfiguration config)
    {
        TestReport? report = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(name, maxValue: config.Iterations);
            var progress = new ProgressCounter(task);
            report = TestEngine.Run(name, test, config, progress);
            task.Value = task.MaxValue;
        });
        return report!;
    }

    /// <summary>Counts finished iterations from any worker into the progress bar.</summary>
    private sealed class ProgressCounter(ProgressTask task) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (task) task.Increment(value);
        }
    }

    private static int RunReplay(IReadOnlyList<RegisteredTest> registry, string path, string[] names, string outDir)
    {
        var trace = TraceFile.Read(path);
        string name = names.Length > 0 ? names[0] : trace.TestName;
        var registered = registry.FirstOrDefault(t => t.Name == name)
            ?? throw new UserInputException($"trace file {path}: test \"{name}\" is not registered; known tests: {string.Join(", ", registry.Select(t => t.Name))}.");
        var test = registered.Create();
        var artifacts = TestEngine.Describe(test, trace);
        if (artifacts.Replay.Bug is not { } bug)
        {
            Console.Out.WriteLine($"replayed {artifacts.Replay.Steps} steps of {path}: no bug.");
            return ExitCodes.Ok;
        }
        var paths = artifacts.WriteTo(outDir);
        Console.Out.WriteLine($"replayed {path}: BUG ({bug.Kind}) at step {bug.Step}: {bug.Message}");
        Console.Out.WriteLine(artifacts.Replay.Reproduced ? "  the recorded bug was reproduced exactly." : $"  WARNING: the trace recorded a different bug: {trace.Bug?.Message}");
        Console.Out.WriteLine($"  log:      {paths.Log}");
        Console.Out.WriteLine($"  diagram:  {paths.Html}");
        return ExitCodes.VerificationFailed;
    }

    private static List<RegisteredTest> SelectTests(IReadOnlyList<RegisteredTest> registry, string[] names)
    {
        if (names.Length == 0) return [.. registry.Where(t => t.RunByDefault)];
        var result = new List<RegisteredTest>();
        foreach (var n in names)
        {
            if (n.StartsWith('-')) throw new UserInputException($"test: unknown option \"{n}\"; see persona test --help.");
            var t = registry.FirstOrDefault(r => r.Name == n)
                ?? throw new UserInputException($"test: unknown test \"{n}\"; known tests: {string.Join(", ", registry.Select(r => r.Name))}.");
            result.Add(t);
        }
        return result;
    }

    /// <summary>The base configuration, and a function that re-applies the explicitly given options on top of a test's own preferences.</summary>
    private static TestConfiguration ParseConfiguration(ParseResult parse, out Func<TestConfiguration, TestConfiguration> overrides)
    {
        var c = new TestConfiguration { Iterations = 100 };
        var apply = new List<Func<TestConfiguration, TestConfiguration>>();
        void Set(Func<TestConfiguration, TestConfiguration> f)
        {
            c = f(c);
            apply.Add(f);
        }
        if (parse.GetValue(Iterations) is { } it) Set(x => x with { Iterations = PositiveInt("--iterations", it) });
        if (parse.GetValue(Strategy) is { } st)
        {
            var kind = StrategyFactory.Parse(st) ?? throw new UserInputException(
                $"test: --strategy \"{st}\" is not a strategy; use one of {string.Join(", ", Enum.GetValues<StrategyKind>().Select(StrategyFactory.NameOf))}.");
            Set(x => x with { Strategy = kind });
        }
        if (parse.GetValue(Bound) is { } b) Set(x => x with { StrategyBound = PositiveInt("--bound", b) });
        if (parse.GetValue(Seed) is { } s)
        {
            ulong seed = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v
                : throw new UserInputException($"test: --seed \"{s}\" is not a non-negative 64-bit integer.");
            Set(x => x with { Seed = seed });
        }
        if (parse.GetValue(Seeds) is { } range)
        {
            if (parse.GetValue(Iterations) is not null) throw new UserInputException("test: give either --iterations or --seeds A..B, not both.");
            var (first, last) = ParseRange(range);
            Set(x => x with { FirstIteration = first, Iterations = last - first + 1 });
        }
        if (parse.GetValue(MaxSteps) is { } ms)
        {
            int n = PositiveInt("--max-steps", ms);
            if (n > int.MaxValue / 10) throw new UserInputException($"test: --max-steps {ms} is too large (at most {int.MaxValue / 10}).");
            Set(x => x.WithMaxSteps(n));
        }
        if (parse.GetValue(Workers) is { } w) Set(x => x with { Workers = PositiveInt("--workers", w) });
        if (parse.GetValue(Coverage)) Set(x => x with { Coverage = true });
        overrides = config =>
        {
            foreach (var f in apply) config = f(config);
            return config;
        };
        return c;
    }

    private static (int First, int Last) ParseRange(string text)
    {
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0) throw new UserInputException($"test: --seeds \"{text}\" must look like A..B, for example 0..999.");
        int first = NonNegativeInt("--seeds (start)", text[..dots]);
        int last = NonNegativeInt("--seeds (end)", text[(dots + 2)..]);
        if (last < first) throw new UserInputException($"test: --seeds \"{text}\" ends before it starts.");
        return (first, last);
    }

    private static int PositiveInt(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0 ? v
            : throw new UserInputException($"test: {option} \"{text}\" must be a positive integer.");

    private static int NonNegativeInt(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v
            : throw new UserInputException($"test: {option} \"{text}\" must be a non-negative integer.");
}
