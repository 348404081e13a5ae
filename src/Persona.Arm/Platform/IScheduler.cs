namespace Persona.Arm.Platform;

/// <summary>Chooses which runnable core executes next and for how long: the one place where the machine's interleaving is decided.</summary>
/// <remarks>Implementations must be deterministic functions of what they are told, so that a run reproduces; the systematic
/// testing engine can drive the machine by implementing this interface.</remarks>
public interface IScheduler
{
    /// <summary>Picks the next slice; <paramref name="runnableCores"/> is non-empty and in increasing core order.</summary>
    ScheduleSlice Next(IReadOnlyList<int> runnableCores, ulong ticks);
}

/// <summary>One scheduling decision: run <paramref name="CoreId"/> for at most <paramref name="Instructions"/> instructions.</summary>
/// <param name="CoreId">A core from the runnable list.</param>
/// <param name="Instructions">The slice length, at least 1.</param>
public readonly record struct ScheduleSlice(int CoreId, int Instructions);
