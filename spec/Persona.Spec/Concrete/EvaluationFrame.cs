namespace Persona.Spec.Concrete;

/// <summary>What one evaluation of a compiled term reads: the world, the states by slot, the variables by slot, the platform functions by slot.</summary>
/// <remarks>A frame belongs to one evaluation (or one read of a pointwise map), so threads sharing a compiled term never share a frame.</remarks>
internal sealed class EvaluationFrame(World world, ConcreteState?[] states, object?[] slots, Func<object, object>?[] functions)
{
    public World World { get; } = world;

    public ConcreteState?[] States { get; } = states;

    /// <summary>Bound variables and operation arguments; null marks an argument the caller did not give.</summary>
    public object?[] Slots { get; } = slots;

    public Func<object, object>?[] Functions { get; } = functions;

    /// <summary>A frame for reading a pointwise map later: the same world, states and functions, and a copy of the bindings now.</summary>
    public EvaluationFrame Capture() => new(World, States, (object?[])Slots.Clone(), Functions);
}
