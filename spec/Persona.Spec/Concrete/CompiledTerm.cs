using Persona.Spec.Terms;

namespace Persona.Spec.Concrete;

/// <summary>A spec term compiled once into closures: the fast concrete reading, with the <see cref="Evaluator"/>'s semantics exactly
/// (the interpreter stays the reference reading; a differential test holds the two together).</summary>
/// <remarks>Compile once, evaluate many times, from any thread: each evaluation gets a frame of its own.</remarks>
public sealed class CompiledTerm
{
    private readonly Func<EvaluationFrame, object> value;
    private readonly Func<EvaluationFrame, bool>? truth;
    private readonly string[] stateNames;
    private readonly string[] argumentNames;
    private readonly int slotCount;
    private readonly string[] functionNames;

    internal CompiledTerm(Expr expr, Func<EvaluationFrame, object> value, Func<EvaluationFrame, bool>? truth, string[] stateNames,
        string[] argumentNames, int slotCount, string[] functionNames)
    {
        Expr = expr;
        this.value = value;
        this.truth = truth;
        this.stateNames = stateNames;
        this.argumentNames = argumentNames;
        this.slotCount = slotCount;
        this.functionNames = functionNames;
    }

    /// <summary>The term compiled.</summary>
    public Expr Expr { get; }

    /// <summary>Compiles a term of any sort.</summary>
    public static CompiledTerm Compile(Expr expr) => TermCompiler.Compile(expr);

    /// <summary>Compiles a Boolean term.</summary>
    public static CompiledTerm Compile(Term<bool> term) => TermCompiler.Compile(term.Expr);

    /// <summary>Evaluates the term to its concrete value (boxed as <see cref="Evaluator.Evaluate"/> boxes it).</summary>
    public object Evaluate(World world, IReadOnlyDictionary<string, ConcreteState> states, IReadOnlyDictionary<string, object>? arguments = null) =>
        value(Frame(world, states, arguments));

    /// <summary>Evaluates a Boolean term.</summary>
    public bool IsTrue(World world, IReadOnlyDictionary<string, ConcreteState> states, IReadOnlyDictionary<string, object>? arguments = null) =>
        Truth()(Frame(world, states, arguments));

    /// <summary>Evaluates a Boolean term over one state, given by name (the common case: a rule over "s").</summary>
    public bool IsTrue(World world, string stateName, ConcreteState state, IReadOnlyDictionary<string, object>? arguments = null) =>
        Truth()(Frame(world, OneState(stateName, state), arguments));

    /// <summary>Evaluates the term over one state, given by name.</summary>
    public object Evaluate(World world, string stateName, ConcreteState state, IReadOnlyDictionary<string, object>? arguments = null) =>
        value(Frame(world, OneState(stateName, state), arguments));

    private ConcreteState?[] OneState(string stateName, ConcreteState state)
    {
        // The common case, a term over one state of that name, without comparing names per element.
        if (stateNames.Length == 1 && ReferenceEquals(stateNames[0], stateName))
            return [state];
        var states = new ConcreteState?[stateNames.Length];
        for (var i = 0; i < states.Length; i++)
        {
            if (stateNames[i] == stateName)
                states[i] = state;
        }
        return states;
    }

    private Func<EvaluationFrame, bool> Truth() =>
        truth ?? throw new InvalidOperationException($"the term {Printer.Print(Expr)} is of sort {Expr.Sort}, not Bool");

    private EvaluationFrame Frame(World world, IReadOnlyDictionary<string, ConcreteState> states, IReadOnlyDictionary<string, object>? arguments)
    {
        var given = new ConcreteState?[stateNames.Length];
        for (var i = 0; i < given.Length; i++)
            given[i] = states.GetValueOrDefault(stateNames[i]);
        return Frame(world, given, arguments);
    }

    private EvaluationFrame Frame(World world, ConcreteState?[] states, IReadOnlyDictionary<string, object>? arguments)
    {
        var slots = new object?[slotCount];
        if (arguments is not null)
        {
            for (var i = 0; i < argumentNames.Length; i++)
                slots[i] = arguments.GetValueOrDefault(argumentNames[i]);
        }
        return new EvaluationFrame(world, states, slots, FunctionsOf(world));
    }

    /// <summary>The platform functions this term calls, looked up in a world's table once per world (frames only read the array).</summary>
    private Func<object, object>?[] FunctionsOf(World world)
    {
        if (functionNames.Length == 0)
            return [];
        // One reference read and one write: threads sharing the term at worst look the functions up twice.
        var cached = functionsFor;
        if (cached is not null && ReferenceEquals(cached.Table, world.PlatformFunctions))
            return cached.Functions;
        var functions = new Func<object, object>?[functionNames.Length];
        for (var i = 0; i < functions.Length; i++)
            functions[i] = world.PlatformFunctions.GetValueOrDefault(functionNames[i]);
        functionsFor = new FunctionTable(world.PlatformFunctions, functions);
        return functions;
    }

    private FunctionTable? functionsFor;

    private sealed record FunctionTable(IReadOnlyDictionary<string, Func<object, object>> Table, Func<object, object>?[] Functions);
}
