namespace Persona.Spec.Concrete;

/// <summary>The finite universe a concrete state lives in: the page and device ids, and the platform's functions.</summary>
/// <param name="Pages">Every page id (a physical frame number), for quantifiers over pages.</param>
/// <param name="Devices">Every device id, for quantifiers over devices.</param>
/// <param name="PlatformFunctions">The platform functions (regionOf, deviceKind, ...) the initial state reads.</param>
public sealed record World(
    IReadOnlyList<long> Pages,
    IReadOnlyList<long> Devices,
    IReadOnlyDictionary<string, Func<object, object>> PlatformFunctions)
{
    // Boxed once per list, so a quantifier does not allocate a box per element per evaluation. Keyed by the list itself:
    // a world made with `with { Pages = ... }` copies this field, and must not reuse the old list's boxes.
    private BoxCache? pagesBoxed;
    private BoxCache? devicesBoxed;

    /// <summary>The pages where the platform's page functions may change value, in increasing order: every page function is constant
    /// from one start up to the next. Null when the world does not say (then every page may differ from its neighbour).</summary>
    public IReadOnlyList<long>? PageRunStarts { get; init; }

    /// <summary>The page ids, boxed as the evaluators bind them.</summary>
    internal object[] BoxedPages => Boxed(Pages, ref pagesBoxed);

    /// <summary>The device ids, boxed as the evaluators bind them.</summary>
    internal object[] BoxedDevices => Boxed(Devices, ref devicesBoxed);

    private static object[] Boxed(IReadOnlyList<long> ids, ref BoxCache? cache)
    {
        // One reference read and one reference write: threads sharing a world at worst box the list twice.
        var seen = cache;
        if (seen is not null && ReferenceEquals(seen.Source, ids))
            return seen.Boxed;
        var boxed = new object[ids.Count];
        for (var i = 0; i < boxed.Length; i++) boxed[i] = ids[i];
        cache = new BoxCache(ids, boxed);
        return boxed;
    }

    /// <summary>Worlds are equal when their pages, devices, functions and runs are (the boxing caches do not count).</summary>
    public bool Equals(World? other) =>
        other is not null && ReferenceEquals(Pages, other.Pages) && ReferenceEquals(Devices, other.Devices)
        && ReferenceEquals(PlatformFunctions, other.PlatformFunctions) && ReferenceEquals(PageRunStarts, other.PageRunStarts);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Pages, Devices, PlatformFunctions, PageRunStarts);

    private sealed record BoxCache(IReadOnlyList<long> Source, object[] Boxed);
}
