namespace Persona.Spec.Concrete;

/// <summary>The finite universe a concrete state lives in: the page and device ids, and the platform's functions.</summary>
/// <param name="Pages">Every page id (a physical frame number), for quantifiers over pages.</param>
/// <param name="Devices">Every device id, for quantifiers over devices.</param>
/// <param name="PlatformFunctions">The platform functions (regionOf, deviceKind, ...) the initial state reads.</param>
public sealed record World(
    IReadOnlyList<long> Pages,
    IReadOnlyList<long> Devices,
    IReadOnlyDictionary<string, Func<object, object>> PlatformFunctions);
