using Persona.Systematic.Testing;

namespace Persona.Systematic.Traces;

/// <summary>A trace did not replay: at <see cref="DecisionIndex"/> the program asked for something other than what the trace recorded.</summary>
public sealed class TraceDivergenceException : SystematicInputException
{
    /// <summary>Creates the exception for a divergence at one decision.</summary>
    public TraceDivergenceException(string source, int decisionIndex, int step, string detail)
        : base($"{source}: replay diverged at step {step} (decision {decisionIndex}): {detail}")
    {
        DecisionIndex = decisionIndex;
        Step = step;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public TraceDivergenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a plain message and cause.</summary>
    public TraceDivergenceException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public TraceDivergenceException()
        : base("replay diverged")
    {
    }

    /// <summary>The index of the first decision that did not match.</summary>
    public int DecisionIndex { get; }

    /// <summary>The scheduling step at which it happened.</summary>
    public int Step { get; }
}
