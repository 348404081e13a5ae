namespace Persona.Cli.Verification;

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread at once (unlike <see cref="Progress{T}"/>, which posts),
/// so no report arrives after the stage has ended and moved the bar back.</summary>
/// <typeparam name="T">The progress value's type.</typeparam>
/// <param name="report">What to do with each value.</param>
public sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}
