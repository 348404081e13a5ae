namespace Persona.Protocols;

/// <summary>Placed on a host assembly (the CLI) so it references this one in its metadata, and the test registry finds the protocol tests there.</summary>
/// <remarks>The compiler drops project references no code uses; the registry follows only the references that remain.</remarks>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ProvidesSystematicTestsAttribute : Attribute;
