using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace Persona.Bench;

/// <summary>A config that prints parameter values in full (BenchmarkDotNet cuts them at 20 characters), for benchmarks over named cases.</summary>
public sealed class FullParameterValues : ManualConfig
{
    /// <summary>Widens the parameter columns to 60 characters.</summary>
    public FullParameterValues() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(60);
}
