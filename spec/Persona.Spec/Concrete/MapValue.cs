namespace Persona.Spec.Concrete;

/// <summary>A concrete total map: the value of a map-sorted term on a concrete state.</summary>
public abstract class MapValue
{
    /// <summary>The value at a key (a boxed bool, enum ordinal, element id, or map).</summary>
    public abstract object Get(object key);

    /// <summary>How many stores lie between this map and a flat table (bounds the cost of a lookup).</summary>
    public virtual int Depth => 0;

    /// <summary>This map with one key changed; long chains are flattened so lookups stay cheap.</summary>
    public MapValue Store(object key, object value)
    {
        var stored = new StoredMap(this, key, value);
        return stored.Depth > 32 ? TableMap.Flatten(stored) : stored;
    }
}

/// <summary>A map given by a function of the key (a pointwise definition, a platform function, or a default).</summary>
public sealed class FunctionMap(Func<object, object> function) : MapValue
{
    /// <summary>A map that has the same value everywhere.</summary>
    public static FunctionMap Constant(object value) => new(_ => value);

    /// <inheritdoc/>
    public override object Get(object key) => function(key);
}

/// <summary>A map equal to another except at one key.</summary>
public sealed class StoredMap(MapValue inner, object key, object value) : MapValue
{
    /// <summary>The map this one modifies.</summary>
    public MapValue Inner { get; } = inner;

    /// <summary>The changed key.</summary>
    public object Key { get; } = key;

    /// <summary>The value at the changed key.</summary>
    public object Value { get; } = value;

    /// <inheritdoc/>
    public override int Depth { get; } = inner.Depth + 1;

    /// <inheritdoc/>
    public override object Get(object key) => Key.Equals(key) ? Value : Inner.Get(key);
}

/// <summary>A base map with a table of overriding entries.</summary>
public sealed class TableMap : MapValue
{
    private readonly MapValue baseMap;
    private readonly Dictionary<object, object> entries;

    /// <summary>A map equal to <paramref name="baseMap"/> except at the given entries.</summary>
    public TableMap(MapValue baseMap, Dictionary<object, object> entries)
    {
        this.baseMap = baseMap;
        this.entries = entries;
    }

    /// <summary>The overriding entries.</summary>
    public IReadOnlyDictionary<object, object> Entries => entries;

    /// <inheritdoc/>
    public override object Get(object key) => entries.TryGetValue(key, out var v) ? v : baseMap.Get(key);

    /// <summary>Collapses a chain of stores into one table.</summary>
    public static TableMap Flatten(MapValue map)
    {
        var stores = new Stack<StoredMap>();
        var cursor = map;
        while (cursor is StoredMap s)
        {
            stores.Push(s);
            cursor = s.Inner;
        }
        Dictionary<object, object> entries;
        MapValue bottom;
        if (cursor is TableMap t)
        {
            entries = new Dictionary<object, object>(t.entries);
            bottom = t.baseMap;
        }
        else
        {
            entries = [];
            bottom = cursor;
        }
        while (stores.Count > 0)
        {
            var s = stores.Pop();
            entries[s.Key] = s.Value;
        }
        return new TableMap(bottom, entries);
    }
}

/// <summary>A map equal to another except on a run of consecutive element ids, where it has one value (a stretch of pages set alike).</summary>
/// <param name="inner">The map this one modifies.</param>
/// <param name="first">The first id of the run.</param>
/// <param name="count">How many ids the run covers.</param>
/// <param name="value">The value on the run.</param>
public sealed class RunStoredMap(MapValue inner, long first, long count, object value) : MapValue
{
    /// <inheritdoc/>
    public override object Get(object key) => key is long id && id - first >= 0 && id - first < count ? value : inner.Get(key);
}

/// <summary>A map that remembers each value it was asked for: for maps defined by a term (the boot state's), read again and again
/// by a validator, so each key's term is evaluated once. Map values inside are remembered the same way.</summary>
/// <remarks>Sound because a map's value at a key never changes (states are immutable); safe to share between threads.</remarks>
public sealed class MemoMap(MapValue inner) : MapValue
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, object> values = new();

    /// <summary>Wraps a value when it is a map, and returns it unchanged otherwise.</summary>
    public static object Of(object value) => value is MapValue map and not MemoMap ? new MemoMap(map) : value;

    /// <inheritdoc/>
    public override object Get(object key) =>
        values.TryGetValue(key, out var value) ? value : values.GetOrAdd(key, Of(inner.Get(key)));
}
