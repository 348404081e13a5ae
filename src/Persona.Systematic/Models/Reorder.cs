using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Models;

/// <summary>The two shared variables of SCTBench's reorder programs.</summary>
public sealed class ReorderMemory
{
    /// <summary>Set to 1 by the setters.</summary>
    public int A { get; set; }

    /// <summary>Set to -1 by the setters.</summary>
    public int B { get; set; }
}

/// <summary>Continues a thread at its next memory access.</summary>
public sealed record Continue : Event
{
    /// <summary>The one instance.</summary>
    public static readonly Continue Instance = new();
}

/// <summary>Whether the threads access a and b in separate steps (the bug) or in one atomic step.</summary>
/// <param name="Atomic">True for the bug-free variant.</param>
public sealed record SetterMode(bool Atomic) : Event;

/// <summary>A setter thread: a = 1, then b = -1 (one memory access per step unless atomic).</summary>
[OnEventDoAction(typeof(Continue), nameof(WriteB))]
public sealed class ReorderSetter : Actor
{
    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        var memory = SharedState<ReorderMemory>();
        memory.A = 1;
        if (((SetterMode)initialEvent!).Atomic)
        {
            memory.B = -1;
            RaiseHaltEvent();
            return;
        }
        Send(Id, Continue.Instance);
    }

    private void WriteB()
    {
        SharedState<ReorderMemory>().B = -1;
        RaiseHaltEvent();
    }
}

/// <summary>The checker thread: reads a, then b (in one step when atomic), and asserts it saw both writes of one setter or neither.</summary>
[OnEventDoAction(typeof(Continue), nameof(ReadB))]
public sealed class ReorderChecker : Actor
{
    private int a;

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        a = SharedState<ReorderMemory>().A;
        if (((SetterMode)initialEvent!).Atomic)
        {
            ReadB();
            return;
        }
        Send(Id, Continue.Instance);
    }

    private void ReadB()
    {
        int b = SharedState<ReorderMemory>().B;
        Assert((a == 0 && b == 0) || (a == 1 && b == -1), $"reorder: read a={a}, b={b}");
        RaiseHaltEvent();
    }
}

/// <summary>SCTBench's reorder_N: N−1 setters and one checker; the bug needs the checker to read between a setter's two writes (depth 2).</summary>
/// <param name="threads">N, the number of threads.</param>
/// <param name="bug">Whether each thread's two accesses are split over two steps (the bug).</param>
public class ReorderTest(int threads, bool bug) : ISystematicTest
{
    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        runtime.SetSharedState(new ReorderMemory());
        runtime.CreateActor<ReorderChecker>(new SetterMode(!bug));
        for (int i = 1; i < threads; i++) runtime.CreateActor<ReorderSetter>(new SetterMode(!bug));
    }
}

/// <summary>reorder_3 with the bug.</summary>
[SystematicTest("reorder-3-bug", ExpectsBug = true, Description = "SCTBench reorder, 2 setters + checker; atomicity bug of depth 2")]
public sealed class Reorder3Bug() : ReorderTest(3, true);

/// <summary>reorder_5 with the bug.</summary>
[SystematicTest("reorder-5-bug", ExpectsBug = true, Description = "SCTBench reorder, 4 setters + checker")]
public sealed class Reorder5Bug() : ReorderTest(5, true);

/// <summary>reorder_10 with the bug.</summary>
[SystematicTest("reorder-10-bug", ExpectsBug = true, Description = "SCTBench reorder, 9 setters + checker")]
public sealed class Reorder10Bug() : ReorderTest(10, true);

/// <summary>reorder_3 without the bug: every thread's two accesses are one atomic step.</summary>
[SystematicTest("reorder-3", Description = "reorder_3 with atomic accesses; bug-free")]
public sealed class Reorder3() : ReorderTest(3, false);
