using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Persona.Bench.Plot;

/// <summary>Reads BenchmarkDotNet's CSV reports (<c>BenchmarkDotNet.Artifacts/results/*-report.csv</c>) into medians.</summary>
public static class BenchmarkCsv
{
    /// <summary>Every median in every <c>*-report.csv</c> of a directory (joined or per-class reports), in file and row order.</summary>
    /// <exception cref="BenchInputException">The directory is missing, or a report has no Method or Median column.</exception>
    public static IReadOnlyList<BenchmarkMedian> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new BenchInputException($"{directory}: no such directory (run a benchmark first; BenchmarkDotNet writes its reports there)");
        // Oldest report first, and a case measured again replaces its earlier figure: the newest measurement wins.
        var files = Directory.GetFiles(directory, "*-report.csv").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal);
        var latest = new Dictionary<(string Suite, string Case), BenchmarkMedian>();
        var order = new List<(string Suite, string Case)>();
        foreach (var median in files.SelectMany(ReadFile))
        {
            if (!latest.ContainsKey((median.Suite, median.Case)))
                order.Add((median.Suite, median.Case));
            latest[(median.Suite, median.Case)] = median;
        }
        return [.. order.Select(key => latest[key])];
    }

    /// <summary>The medians of one report; the case label is the method and the benchmark class's parameter values.</summary>
    public static IEnumerable<BenchmarkMedian> ReadFile(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(SplitLine).ToList();
        if (lines.Count == 0)
            yield break;
        var header = lines[0];
        var method = header.IndexOf("Method");
        var median = header.IndexOf("Median");
        if (method < 0 || median < 0)
            throw new BenchInputException($"{path}: line 1 has no Method or Median column (run with [MedianColumn], or use BenchmarkDotNet's CSV exporter)");
        // A joined report (--join) names each row's class in Namespace and Type columns; a per-class report is named after its class.
        var namespaceColumn = header.IndexOf("Namespace");
        var typeColumn = header.IndexOf("Type");
        var fileType = Path.GetFileName(path)[..^"-report.csv".Length];
        for (var i = 1; i < lines.Count; i++)
        {
            var row = lines[i];
            if (row.Count <= Math.Max(method, Math.Max(median, Math.Max(namespaceColumn, typeColumn))))
                throw new BenchInputException($"{path}: line {i + 1} has {row.Count} columns, fewer than the header's");
            if (BenchmarkMedian.ParseNanoseconds(row[median]) is not { } ns)
                continue;
            var typeName = namespaceColumn >= 0 && typeColumn >= 0 ? $"{row[namespaceColumn]}.{row[typeColumn]}" : fileType;
            var suite = typeName[(typeName.LastIndexOf('.') + 1)..];
            var parameters = ParameterNames(typeName).Select(p => (Name: p, Column: header.IndexOf(p))).Where(p => p.Column >= 0);
            var label = string.Join(' ', [row[method], .. parameters.Select(p => $"{p.Name}={row[p.Column]}")]);
            yield return new BenchmarkMedian(suite, label, ns, row[median]);
        }
    }

    // The parameter columns are the benchmark class's [Params]/[ParamsSource] members (the rest are job settings).
    private static IEnumerable<string> ParameterNames(string typeName)
    {
        var type = typeof(BenchmarkCsv).Assembly.GetType(typeName);
        if (type is null)
            return [];
        return type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<ParamsAttribute>() is not null || m.GetCustomAttribute<ParamsSourceAttribute>() is not null)
            .Select(m => m.Name);
    }

    // BenchmarkDotNet quotes a field that contains the separator ("1,618.12 ms"); quotes inside are doubled.
    private static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
