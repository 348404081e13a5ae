using System.Globalization;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Terms;

namespace Persona.Spec.Tests;

/// <summary>Reads and edits concrete states field by field, so tests build a state by changing the boot state in one place.</summary>
/// <remarks>Concrete values are boxed: enum members as int ordinals, pages and devices as long ids, maps as <see cref="MapValue"/>.</remarks>
internal static class ConcreteStates
{
    /// <summary>The ordinal a concrete state stores for an enum member.</summary>
    public static int Ord(Enum member) => Convert.ToInt32(member, CultureInfo.InvariantCulture);

    public static PageState PageStateOf(this ConcreteState s, Component c, long page) =>
        (PageState)(int)Map2(s, Fields.PageStates, Ord(c)).Get(page);

    public static bool IsMapped(this ConcreteState s, Component c, long page) => (bool)Map2(s, Fields.Mapped, Ord(c)).Get(page);

    public static Label ContentOf(this ConcreteState s, long page) => (Label)(int)Map(s, Fields.Content).Get(page);

    public static Component PoolOf(this ConcreteState s, long page) => (Component)(int)Map(s, Fields.PoolOf).Get(page);

    public static bool IsChannel(this ConcreteState s, long page) => (bool)Map(s, Fields.ChannelPage).Get(page);

    public static bool IsAssigned(this ConcreteState s, long device) => (bool)Map(s, Fields.DeviceAssigned).Get(device);

    public static Component OwnerOf(this ConcreteState s, long device) => (Component)(int)Map(s, Fields.DeviceOwner).Get(device);

    public static bool IsQuiesced(this ConcreteState s, long device) => (bool)Map(s, Fields.DeviceQuiesced).Get(device);

    public static Label DataOf(this ConcreteState s, long device) => (Label)(int)Map(s, Fields.DeviceData).Get(device);

    public static bool Reaches(this ConcreteState s, long device, long page) => (bool)Map2(s, Fields.DmaReach, device).Get(page);

    public static Component Foreground(this ConcreteState s) => (Component)(int)s.Get(Fields.Foreground);

    public static Label LiveContext(this ConcreteState s) => (Label)(int)s.Get(Fields.LiveContext);

    public static Label SavedContextOf(this ConcreteState s, Component c) => (Label)(int)Map(s, Fields.SavedContext).Get(Ord(c));

    public static Label PartitionOf(this ConcreteState s, Component c) => (Label)(int)Map(s, Fields.Partition).Get(Ord(c));

    public static KeyState WorkKey(this ConcreteState s) => (KeyState)(int)s.Get(Fields.WorkKey);

    public static WipePhase Wipe(this ConcreteState s) => (WipePhase)(int)s.Get(Fields.Wipe);

    public static bool WorkRunnable(this ConcreteState s) => (bool)s.Get(Fields.WorkRunnable);

    /// <summary>The state with a scalar field replaced (an enum member, or a bool).</summary>
    public static ConcreteState WithField(this ConcreteState s, IField field, object value) =>
        s.With(new Dictionary<string, object> { [field.Name] = value is Enum e ? Ord(e) : value });

    /// <summary>The state with one entry of a one-level map replaced.</summary>
    public static ConcreteState WithEntry(this ConcreteState s, IField field, object key, object value) =>
        s.WithField(field, Map(s, field).Store(Box(key), Box(value)));

    /// <summary>The state with one entry of a two-level map replaced (e.g. pageState[component][page]).</summary>
    public static ConcreteState WithEntry(this ConcreteState s, IField field, object outer, object inner, object value)
    {
        var outerMap = Map(s, field);
        var innerMap = (MapValue)outerMap.Get(Box(outer));
        return s.WithField(field, outerMap.Store(Box(outer), innerMap.Store(Box(inner), Box(value))));
    }

    public static ConcreteState WithPageState(this ConcreteState s, Component c, long page, PageState value) =>
        s.WithEntry(Fields.PageStates, c, page, value);

    public static ConcreteState WithMapped(this ConcreteState s, Component c, long page, bool value) =>
        s.WithEntry(Fields.Mapped, c, page, value);

    public static ConcreteState WithContent(this ConcreteState s, long page, Label value) => s.WithEntry(Fields.Content, page, value);

    public static ConcreteState WithReach(this ConcreteState s, long device, long page, bool value) =>
        s.WithEntry(Fields.DmaReach, device, page, value);

    /// <summary>The same state with every map read out into a table, so long runs (the random walks) read dictionaries instead of re-evaluating the boot state's terms.</summary>
    public static ConcreteState Materialize(this ConcreteState s, World world)
    {
        var universe = new Evaluator(world, new Dictionary<string, ConcreteState>());
        object Table(object value, Sort sort) => sort is MapSort map
            ? new TableMap(FunctionMap.Constant(Missing), universe.Universe(map.Key).ToDictionary(k => k, k => Table(((MapValue)value).Get(k), map.Value)))
            : value;
        return new ConcreteState(Fields.All.ToDictionary(f => f.Name, f => Table(s.Get(f), f.Sort)));
    }

    /// <summary>What a materialized map holds outside the world's universe: nothing the spec may read.</summary>
    private static readonly object Missing = "outside the world";

    private static object Box(object value) => value is Enum e ? Ord(e) : value;

    private static MapValue Map(ConcreteState s, IField field) => (MapValue)s.Get(field);

    private static MapValue Map2(ConcreteState s, IField field, object outer) => (MapValue)Map(s, field).Get(outer);
}
