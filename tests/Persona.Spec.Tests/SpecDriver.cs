using System.Text;
using Persona.Spec.Concrete;
using Persona.Spec.Operations;

namespace Persona.Spec.Tests;

/// <summary>Drives the concrete spec through operations from the boot state, checking after every call that the call did what the test expects.</summary>
internal sealed class SpecDriver
{
    private readonly List<string> trace = [];

    public SpecDriver(ConcreteSpec spec)
    {
        Spec = spec;
        State = spec.InitialState();
    }

    public SpecDriver()
        : this(new ConcreteSpec(SpecModel.Default, TestWorlds.Small()))
    {
    }

    public ConcreteSpec Spec { get; }

    /// <summary>The current state: the boot state after every successful call so far (so it is reachable).</summary>
    public ConcreteState State { get; private set; }

    /// <summary>The calls so far, for failure messages.</summary>
    public string Trace => string.Join(" → ", trace);

    /// <summary>Applies an operation that must succeed and leave every rule holding.</summary>
    public ConcreteState Do(Operation op, params (string Name, object Value)[] args)
    {
        var (after, ok) = Spec.Apply(op, State, ConcreteSpecTests.Args(args));
        var call = Describe(op, args);
        Assert.True(ok, $"{call} was refused after {Trace}");
        trace.Add(call);
        State = after;
        var broken = Spec.BrokenRules(after);
        Assert.True(broken.Count == 0, $"{call} broke {string.Join(", ", broken)} after {Trace}");
        return after;
    }

    /// <summary>Applies an operation whose guard must be false, and checks it returned the very same state.</summary>
    public void Refuse(Operation op, params (string Name, object Value)[] args)
    {
        var (after, ok) = Spec.Apply(op, State, ConcreteSpecTests.Args(args));
        Assert.False(ok, $"{Describe(op, args)} succeeded after {Trace}, but must be refused");
        Assert.Same(State, after);
    }

    public static string Describe(Operation op, IEnumerable<(string Name, object Value)> args)
    {
        var sb = new StringBuilder(op.Name).Append('(');
        sb.AppendJoin(", ", args.Select(a => $"{a.Name}={(a.Value is long id ? $"0x{id:x}" : a.Value)}"));
        return sb.Append(')').ToString();
    }
}
