namespace Persona.Bench.Plot;

/// <summary>A bad input to the bench tool (a missing artifacts directory, a malformed report): the message names the file, the place and the fault.</summary>
public sealed class BenchInputException(string message) : Exception(message);
