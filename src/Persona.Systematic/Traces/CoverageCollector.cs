using System.Globalization;
using System.Text;
using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;

namespace Persona.Systematic.Traces;

/// <summary>State and event coverage: which declared states were entered and which (machine, state, event) handlers ran.</summary>
/// <param name="StatesVisited">Entered states per machine type, with counts.</param>
/// <param name="EventsHandled">(machine, state, event) triples that ran, with counts.</param>
/// <param name="Transitions">(machine, from, to) state changes, with counts.</param>
/// <param name="DeclaredStates">Every declared state per machine type that appeared.</param>
/// <param name="DeclaredHandlers">Every declared (machine, state, event) handler of those types.</param>
public sealed record CoverageReport(
    IReadOnlyDictionary<string, int> StatesVisited,
    IReadOnlyDictionary<string, int> EventsHandled,
    IReadOnlyDictionary<string, int> Transitions,
    IReadOnlyList<string> DeclaredStates,
    IReadOnlyList<string> DeclaredHandlers)
{
    /// <summary>The coverage as text: totals, then each covered and uncovered item.</summary>
    public string ToText()
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        int states = DeclaredStates.Count(StatesVisited.ContainsKey);
        int handlers = DeclaredHandlers.Count(EventsHandled.ContainsKey);
        s.AppendLine(inv, $"state coverage: {states}/{DeclaredStates.Count} ({Percent(states, DeclaredStates.Count)})");
        s.AppendLine(inv, $"event coverage: {handlers}/{DeclaredHandlers.Count} ({Percent(handlers, DeclaredHandlers.Count)})");
        s.AppendLine("states:");
        foreach (var st in DeclaredStates) s.AppendLine(inv, $"  {(StatesVisited.TryGetValue(st, out int n) ? n.ToString(inv) : "NOT VISITED"),12}  {st}");
        s.AppendLine("handlers (machine.state : event):");
        foreach (var h in DeclaredHandlers) s.AppendLine(inv, $"  {(EventsHandled.TryGetValue(h, out int n) ? n.ToString(inv) : "NOT COVERED"),12}  {h}");
        s.AppendLine("transitions:");
        foreach (var (t, n) in Transitions.OrderBy(kv => kv.Key, StringComparer.Ordinal)) s.AppendLine(inv, $"  {n,12}  {t}");
        return s.ToString();
    }

    private static string Percent(int a, int b) => b == 0 ? "n/a" : (100.0 * a / b).ToString("F1", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Counts coverage while iterations run; one per worker, merged at the end.</summary>
internal sealed class CoverageCollector : IRuntimeObserver
{
    private readonly Dictionary<string, int> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> transitions = new(StringComparer.Ordinal);
    private readonly Dictionary<ActorId, string> lastState = [];
    private readonly HashSet<Type> machineTypes = [];

    private static void Count(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    public void OnHandled(Actor actor, Event e) => Count(events, $"{actor.GetType().Name}.{actor.CurrentStateName} : {e.GetType().Name}");

    public void OnStateEntered(Actor actor, string state)
    {
        machineTypes.Add(actor.GetType());
        Count(states, $"{actor.GetType().Name}.{state}");
        if (lastState.TryGetValue(actor.Id, out var from)) Count(transitions, $"{actor.GetType().Name}: {from} -> {state}");
        lastState[actor.Id] = state;
    }

    public void OnIterationEnd(IterationResult result) => lastState.Clear();

    public void OnStep(int step, Operation op, PointKind point)
    {
    }

    public void OnCreated(ActorId? creator, ActorId created)
    {
    }

    public void OnSend(ActorId? from, ActorId to, Event e, bool viaLink)
    {
    }

    public void OnDequeue(Actor actor, Event e)
    {
    }

    public void OnHalted(Actor actor)
    {
    }

    public void OnMonitorEvent(Monitor monitor, Event e)
    {
    }

    public void OnMonitorState(Monitor monitor)
    {
    }

    public void OnChoice(DecisionKind kind, int value)
    {
    }

    public void OnTimer(TimerInfo timer, string what)
    {
    }

    public void OnCrashed(ActorId actor, bool restarted)
    {
    }

    public void OnLinkFault(ActorId from, ActorId to, Event e, string what)
    {
    }

    public void OnBug(BugReport bug)
    {
    }

    public CoverageReport Report() => Merge([this]);

    /// <summary>Adds the counts of several collectors and lists what the machines seen declare.</summary>
    public static CoverageReport Merge(IEnumerable<CoverageCollector?> collectors)
    {
        var st = new Dictionary<string, int>(StringComparer.Ordinal);
        var ev = new Dictionary<string, int>(StringComparer.Ordinal);
        var tr = new Dictionary<string, int>(StringComparer.Ordinal);
        var types = new HashSet<Type>();
        foreach (var c in collectors)
        {
            if (c is null) continue;
            foreach (var (k, v) in c.states) st[k] = st.GetValueOrDefault(k) + v;
            foreach (var (k, v) in c.events) ev[k] = ev.GetValueOrDefault(k) + v;
            foreach (var (k, v) in c.transitions) tr[k] = tr.GetValueOrDefault(k) + v;
            types.UnionWith(c.machineTypes);
        }
        var declaredStates = new List<string>();
        var declaredHandlers = new List<string>();
        foreach (var t in types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var s in StateModel.Of(t).States)
            {
                declaredStates.Add($"{t.Name}.{s.Name}");
                foreach (var h in s.Handlers)
                {
                    if (h.Kind is HandlerKind.Do or HandlerKind.Goto or HandlerKind.Push) declaredHandlers.Add($"{t.Name}.{s.Name} : {h.EventType.Name}");
                }
            }
        }
        return new CoverageReport(st, ev, tr, declaredStates, declaredHandlers);
    }
}
