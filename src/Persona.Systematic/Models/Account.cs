using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Models;

/// <summary>The shared bank balance.</summary>
public sealed class Balance
{
    /// <summary>The current balance.</summary>
    public int Value { get; set; }

    /// <summary>How many deposits finished.</summary>
    public int Deposits { get; set; }
}

/// <summary>Whether a teller's read-modify-write is split over two steps (the bug).</summary>
/// <param name="Split">True for the lost-update bug.</param>
public sealed record TellerMode(bool Split) : Event;

/// <summary>A teller depositing 10: reads the balance, then writes the sum (in one step when not split).</summary>
[OnEventDoAction(typeof(Continue), nameof(Write))]
public sealed class Teller : Actor
{
    private int read;

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        var balance = SharedState<Balance>();
        read = balance.Value;
        if (((TellerMode)initialEvent!).Split)
        {
            Send(Id, Continue.Instance);
            return;
        }
        Write();
    }

    private void Write()
    {
        var balance = SharedState<Balance>();
        balance.Value = read + 10;
        balance.Deposits++;
        RaiseHaltEvent();
    }
}

/// <summary>SCTBench's account: two tellers deposit 10 each; once both are done the balance must be 20.</summary>
/// <param name="bug">Whether the read and the write are separate steps (a lost update).</param>
public class AccountTest(bool bug) : ISystematicTest
{
    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        runtime.SetSharedState(new Balance());
        runtime.RegisterInvariant<Balance>("balance is 20 after two deposits", b => b.Deposits < 2 || b.Value == 20);
        runtime.CreateActor<Teller>(new TellerMode(bug));
        runtime.CreateActor<Teller>(new TellerMode(bug));
    }
}

/// <summary>The account with the lost update.</summary>
[SystematicTest("account-bug", ExpectsBug = true, Description = "SCTBench account: lost update, found by an invariant over shared state")]
public sealed class AccountBug() : AccountTest(true);

/// <summary>The account with atomic deposits.</summary>
[SystematicTest("account", Description = "account with atomic deposits; bug-free")]
public sealed class Account() : AccountTest(false);
