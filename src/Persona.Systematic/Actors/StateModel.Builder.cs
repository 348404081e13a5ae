using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Persona.Systematic.Actors;

/// <summary>Builds a model from a class's nested states and attributes, once per class.</summary>
internal sealed partial class StateModel
{
    private static readonly ConcurrentDictionary<Type, StateModel> Cache = new();

    private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>The model of a class, built on first use.</summary>
    public static StateModel Of(Type type) => Cache.GetOrAdd(type, Build);

    private static StateModel Build(Type type)
    {
        var stateTypes = CollectStates(type);
        bool implicitState = stateTypes.Count == 0;
        if (implicitState) stateTypes.Add(type);
        var states = new StateInfo[stateTypes.Count];
        int start = implicitState ? 0 : -1;
        for (int i = 0; i < states.Length; i++)
        {
            var st = stateTypes[i];
            states[i] = new StateInfo(implicitState ? "Default" : st.Name, i);
            if (st.GetCustomAttribute<StartAttribute>() is not null)
            {
                if (start >= 0) throw new InvalidOperationException($"{type.Name} has more than one [Start] state.");
                start = i;
            }
        }
        if (start < 0) throw new InvalidOperationException($"{type.Name} has nested states but none is marked [Start].");
        for (int i = 0; i < states.Length; i++) Fill(type, stateTypes, states[i], stateTypes[i]);
        var ctor = type.GetConstructor(AnyInstance, Type.EmptyTypes);
        Func<object>? factory = ctor is null ? null : Expression.Lambda<Func<object>>(Expression.New(ctor)).Compile();
        return new StateModel(type, [.. stateTypes], states, start, factory);
    }

    private static List<Type> CollectStates(Type type)
    {
        var result = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var nested in t.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (typeof(State).IsAssignableFrom(nested) && !nested.IsAbstract) result.Add(nested);
            }
        }
        return result;
    }

    private static void Fill(Type machine, List<Type> stateTypes, StateInfo info, Type stateType)
    {
        if (stateType.GetCustomAttribute<OnEntryAttribute>() is { } entry) info.Entry = Bind(machine, entry.Action);
        if (stateType.GetCustomAttribute<OnExitAttribute>() is { } exit) info.Exit = Bind(machine, exit.Action);
        info.IsHot = stateType.GetCustomAttribute<HotAttribute>() is not null;
        info.IsCold = stateType.GetCustomAttribute<ColdAttribute>() is not null;
        var rows = new List<HandlerEntry>();
        void Add(HandlerEntry row)
        {
            foreach (var existing in rows)
            {
                if (existing.EventType == row.EventType)
                {
                    throw new InvalidOperationException($"{machine.Name}.{info.Name} declares more than one handler for {row.EventType.Name}.");
                }
            }
            if (!typeof(Event).IsAssignableFrom(row.EventType))
            {
                throw new InvalidOperationException($"{machine.Name}.{info.Name}: {row.EventType.Name} is not an Event.");
            }
            rows.Add(row);
        }
        int Target(Type t) => stateTypes.IndexOf(t) is var i and >= 0 ? i
            : throw new InvalidOperationException($"{machine.Name}.{info.Name}: {t.Name} is not a state of {machine.Name}.");
        foreach (var a in stateType.GetCustomAttributes<OnEventDoActionAttribute>()) Add(new(a.EventType, HandlerKind.Do, -1, Bind(machine, a.Action)));
        foreach (var a in stateType.GetCustomAttributes<OnEventGotoStateAttribute>())
        {
            Add(new(a.EventType, HandlerKind.Goto, Target(a.TargetState), a.Action is null ? null : Bind(machine, a.Action)));
        }
        foreach (var a in stateType.GetCustomAttributes<OnEventPushStateAttribute>()) Add(new(a.EventType, HandlerKind.Push, Target(a.TargetState), null));
        if (stateType.GetCustomAttribute<DeferEventsAttribute>() is { } defer)
        {
            foreach (var t in defer.EventTypes) Add(new(t, HandlerKind.Defer, -1, null));
        }
        if (stateType.GetCustomAttribute<IgnoreEventsAttribute>() is { } ignore)
        {
            foreach (var t in ignore.EventTypes) Add(new(t, HandlerKind.Ignore, -1, null));
        }
        info.Handlers = [.. rows];
        info.HasDeferOrIgnore = rows.Exists(r => r.Kind is HandlerKind.Defer or HandlerKind.Ignore);
    }

    /// <summary>Compiles a call to a named method that takes nothing or one event argument.</summary>
    private static MachineAction Bind(Type machine, string name)
    {
        MethodInfo? method = null;
        for (var t = machine; t is not null && method is null; t = t.BaseType)
        {
            method = t.GetMethods(AnyInstance | BindingFlags.DeclaredOnly).FirstOrDefault(m => m.Name == name);
        }
        if (method is null) throw new InvalidOperationException($"{machine.Name} has no method named {name}.");
        var parameters = method.GetParameters();
        if (parameters.Length > 1 || (parameters.Length == 1 && !typeof(Event).IsAssignableFrom(parameters[0].ParameterType)))
        {
            throw new InvalidOperationException($"{machine.Name}.{name} must take no argument or one event.");
        }
        var self = Expression.Parameter(typeof(object), "machine");
        var ev = Expression.Parameter(typeof(Event), "e");
        var target = Expression.Convert(self, method.DeclaringType!);
        Expression call = parameters.Length == 0
            ? Expression.Call(target, method)
            : Expression.Call(target, method, Expression.Convert(ev, parameters[0].ParameterType));
        return Expression.Lambda<MachineAction>(call, self, ev).Compile();
    }
}
