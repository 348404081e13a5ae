using System.Diagnostics;
using System.Globalization;

namespace Persona.Smt;

/// <summary>Runs an SMT-LIB2 script through the z3 or cvc5 command line, with a time limit and a pinned seed.</summary>
public static class SmtLibRunner
{
    /// <summary>Runs the script in <paramref name="path"/>; throws <see cref="SmtInputException"/> naming the file when it does not exist.</summary>
    public static SmtLibAnswer RunFile(SmtLibTool tool, string path, TimeSpan timeLimit, uint randomSeed = 0)
    {
        if (!File.Exists(path))
            throw new SmtInputException($"SMT-LIB2 file '{path}': no such file.");
        var executable = ExecutableName(tool);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(tool, path, randomSeed))
            start.ArgumentList.Add(argument);

        using var process = StartOrExplain(start, tool);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new SmtLibAnswer(tool, SmtLibVerdict.Timeout, $"killed after {timeLimit.TotalMilliseconds} ms");
        }
        var output = stdout.Result + stderr.Result;
        return new SmtLibAnswer(tool, Parse(stdout.Result), output);
    }

    /// <summary>Writes the script to a temporary file, runs it, and deletes the file.</summary>
    public static SmtLibAnswer RunText(SmtLibTool tool, string script, TimeSpan timeLimit, uint randomSeed = 0)
    {
        var path = Path.Combine(Path.GetTempPath(), $"persona-{Guid.NewGuid():N}.smt2");
        File.WriteAllText(path, script);
        try
        {
            return RunFile(tool, path, timeLimit, randomSeed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The executable the tool runs as.</summary>
    public static string ExecutableName(SmtLibTool tool) => tool switch
    {
        SmtLibTool.Z3 => "z3",
        SmtLibTool.Cvc5 => "cvc5",
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "unknown SMT-LIB2 tool"),
    };

    /// <summary>The verdict in a solver's standard output: the first answer line, or an error when it rejected the script.</summary>
    public static SmtLibVerdict Parse(string standardOutput)
    {
        var lines = standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A solver that rejects a command prints an error (or "unsupported") before any answer; treat that as a failure.
        foreach (var line in lines)
        {
            if (line.StartsWith("(error", StringComparison.Ordinal) || line == "unsupported")
                return SmtLibVerdict.Error;
            switch (line)
            {
                case "sat":
                    return SmtLibVerdict.Sat;
                case "unsat":
                    return SmtLibVerdict.Unsat;
                case "unknown":
                    return SmtLibVerdict.Unknown;
            }
        }
        return SmtLibVerdict.Error;
    }

    /// <summary>The names in the unsat core a solver printed after <c>unsat</c> for <c>(get-unsat-core)</c>, bars removed.</summary>
    public static IReadOnlyList<string> ParseCore(string standardOutput)
    {
        var afterAnswer = standardOutput.IndexOf("unsat", StringComparison.Ordinal);
        var open = afterAnswer < 0 ? -1 : standardOutput.IndexOf('(', afterAnswer);
        if (open < 0)
            return [];
        var names = new List<string>();
        var i = open + 1;
        while (i < standardOutput.Length && standardOutput[i] != ')')
        {
            if (char.IsWhiteSpace(standardOutput[i]))
            {
                i++;
                continue;
            }
            if (standardOutput[i] == '|')
            {
                var close = standardOutput.IndexOf('|', i + 1);
                names.Add(standardOutput[(i + 1)..close]);
                i = close + 1;
                continue;
            }
            var start = i;
            while (i < standardOutput.Length && !char.IsWhiteSpace(standardOutput[i]) && standardOutput[i] != ')')
                i++;
            names.Add(standardOutput[start..i]);
        }
        return names;
    }

    private static IEnumerable<string> Arguments(SmtLibTool tool, string path, uint randomSeed)
    {
        var seed = randomSeed.ToString(CultureInfo.InvariantCulture);
        return tool switch
        {
            SmtLibTool.Z3 => ["-smt2", $"smt.random_seed={seed}", path],
            _ => ["--lang=smt2", $"--seed={seed}", path],
        };
    }

    private static Process StartOrExplain(ProcessStartInfo start, SmtLibTool tool)
    {
        try
        {
            return Process.Start(start) ?? throw new SmtException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SmtException($"Could not run {start.FileName} for {tool}: {e.Message} (install the Debian package '{start.FileName}').", e);
        }
    }
}
