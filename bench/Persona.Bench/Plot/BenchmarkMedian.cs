using System.Globalization;

namespace Persona.Bench.Plot;

/// <summary>One benchmark case's median from a BenchmarkDotNet report: which class, which case, and the time in nanoseconds.</summary>
/// <param name="Suite">The benchmark class's short name.</param>
/// <param name="Case">The method with its parameter values, e.g. "WorldSwitch Validate=True".</param>
/// <param name="Nanoseconds">The median in nanoseconds.</param>
/// <param name="Text">The median as BenchmarkDotNet printed it.</param>
public sealed record BenchmarkMedian(string Suite, string Case, double Nanoseconds, string Text)
{
    /// <summary>Parses BenchmarkDotNet's time text ("27.24 ns", "1,618.12 ms", "3.4 s", "12.5 μs") into nanoseconds, or null.</summary>
    public static double? ParseNanoseconds(string text)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
            return null;
        double? scale = parts[1] switch
        {
            "ns" => 1,
            "us" or "μs" or "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            _ => null,
        };
        return scale is { } s ? value * s : null;
    }
}
