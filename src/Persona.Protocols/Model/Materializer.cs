using Persona.Spec.Concrete;

namespace Persona.Protocols.Model;

/// <summary>Turns every map of a concrete state into a table over the tiny world, so reading it never re-runs a pointwise definition.</summary>
/// <remarks>The spec's evaluator builds maps as functions of their key (boot state, <c>MapOf</c> effects); the monitors read them thousands of times per iteration.</remarks>
internal static class Materializer
{
    private enum Domain
    {
        Component,
        Page,
        Device,
    }

    private static readonly object[] ComponentKeys = [.. Enum.GetValues<Component>().Select(c => (object)(int)c)];

    private static readonly Dictionary<string, Domain[]> KeyDomains = new()
    {
        [Fields.PageStates.Name] = [Domain.Component, Domain.Page],
        [Fields.Mapped.Name] = [Domain.Component, Domain.Page],
        [Fields.Content.Name] = [Domain.Page],
        [Fields.PoolOf.Name] = [Domain.Page],
        [Fields.ChannelPage.Name] = [Domain.Page],
        [Fields.DeviceKinds.Name] = [Domain.Device],
        [Fields.DmaCapable.Name] = [Domain.Device],
        [Fields.DeviceAssigned.Name] = [Domain.Device],
        [Fields.DeviceOwner.Name] = [Domain.Device],
        [Fields.DeviceQuiesced.Name] = [Domain.Device],
        [Fields.DeviceData.Name] = [Domain.Device],
        [Fields.DmaReach.Name] = [Domain.Device, Domain.Page],
        [Fields.SavedContext.Name] = [Domain.Component],
        [Fields.Partition.Name] = [Domain.Component],
    };

    /// <summary>The same state with every map field a flat table (fields already flat are kept).</summary>
    public static ConcreteState Materialize(ConcreteState state)
    {
        var changes = new Dictionary<string, object>();
        foreach (var (field, domains) in KeyDomains)
        {
            if (state[field] is MapValue map && !IsFlat(map, domains.Length)) changes[field] = Flatten(map, domains, 0);
        }
        return changes.Count == 0 ? state : state.With(changes);
    }

    private static bool IsFlat(MapValue map, int levels) => map is TableMap { Entries.Count: > 0 } t && (levels == 1 || t.Entries.Values.All(v => v is TableMap));

    private static TableMap Flatten(MapValue map, Domain[] domains, int level)
    {
        var entries = new Dictionary<object, object>();
        foreach (var key in Keys(domains[level]))
        {
            var value = map.Get(key);
            entries[key] = level + 1 < domains.Length ? Flatten((MapValue)value, domains, level + 1) : value;
        }
        return new TableMap(map, entries);
    }

    private static IEnumerable<object> Keys(Domain domain) => domain switch
    {
        Domain.Component => ComponentKeys,
        Domain.Page => ProtocolWorld.Pages.Select(p => (object)p),
        _ => ProtocolWorld.Devices.Select(d => (object)d),
    };
}
