using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Models;

/// <summary>Tells a chain server its successor (null for the tail) and whether it is a buggy head.</summary>
/// <param name="Successor">The next server, or null at the tail.</param>
/// <param name="Client">Whom acknowledgements go to.</param>
/// <param name="AckEarly">The bug: the head acknowledges as soon as it applies the update.</param>
public sealed record ChainRole(ActorId? Successor, ActorId Client, bool AckEarly) : Event;

/// <summary>A write flowing down the chain.</summary>
/// <param name="Value">The value written.</param>
public sealed record ChainUpdate(int Value) : Event;

/// <summary>The write is durable.</summary>
/// <param name="Value">The value acknowledged.</param>
public sealed record ChainAck(int Value) : Event;

/// <summary>A read, served by the tail.</summary>
/// <param name="Client">Who asks.</param>
public sealed record ChainQuery(ActorId Client) : Event;

/// <summary>The tail's answer.</summary>
/// <param name="Value">The value read.</param>
public sealed record ChainResponse(int Value) : Event;

/// <summary>Tells the client which servers are head and tail.</summary>
/// <param name="Head">Where writes go.</param>
/// <param name="Tail">Where reads go.</param>
public sealed record ChainEnds(ActorId Head, ActorId Tail) : Event;

/// <summary>One chain server: applies updates, forwards them, and the tail answers queries and acknowledges.</summary>
[OnEventDoAction(typeof(ChainRole), nameof(OnRole))]
[OnEventDoAction(typeof(ChainUpdate), nameof(OnUpdate))]
[OnEventDoAction(typeof(ChainQuery), nameof(OnQuery))]
public sealed class ChainServer : Actor
{
    private ChainRole role = null!;
    private int value;

    private void OnRole(ChainRole r) => role = r;

    private void OnUpdate(ChainUpdate u)
    {
        value = u.Value;
        if (role.AckEarly) Send(role.Client, new ChainAck(u.Value));
        if (role.Successor is { } next) Send(next, u);
        else if (!role.AckEarly) Send(role.Client, new ChainAck(u.Value));
    }

    private void OnQuery(ChainQuery q) => Send(q.Client, new ChainResponse(value));

    /// <inheritdoc/>
    protected internal override int HashState() => value;
}

/// <summary>Notifies the monitor of what the client saw.</summary>
/// <param name="Value">The value.</param>
/// <param name="IsRead">True for a read's result, false for an acknowledged write.</param>
public sealed record ClientObserved(int Value, bool IsRead) : Event;

/// <summary>Writes 1, waits for the acknowledgement, then reads from the tail.</summary>
[OnEventDoAction(typeof(ChainEnds), nameof(OnEnds))]
[OnEventDoAction(typeof(ChainAck), nameof(OnAck))]
[OnEventDoAction(typeof(ChainResponse), nameof(OnResponse))]
public sealed class ChainClient : Actor
{
    private ChainEnds ends = null!;

    private void OnEnds(ChainEnds e)
    {
        ends = e;
        Send(e.Head, new ChainUpdate(1));
    }

    private void OnAck(ChainAck ack)
    {
        Monitor<ReadYourWrites>(new ClientObserved(ack.Value, IsRead: false));
        Send(ends.Tail, new ChainQuery(Id));
    }

    private void OnResponse(ChainResponse r) => Monitor<ReadYourWrites>(new ClientObserved(r.Value, IsRead: true));
}

/// <summary>Safety: a read issued after a write was acknowledged returns at least that write.</summary>
[OnEventDoAction(typeof(ClientObserved), nameof(OnObserved))]
public sealed class ReadYourWrites : Monitor
{
    private int acknowledged;

    private void OnObserved(ClientObserved e)
    {
        if (!e.IsRead)
        {
            acknowledged = Math.Max(acknowledged, e.Value);
            return;
        }
        Assert(e.Value >= acknowledged, $"a read returned {e.Value} after write {acknowledged} was acknowledged");
    }
}

/// <summary>Chain replication (van Renesse and Schneider) with three servers and one client.</summary>
/// <param name="bug">Whether the head acknowledges before the update reaches the tail.</param>
public class ChainReplicationTest(bool bug) : ISystematicTest
{
    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<ReadYourWrites>();
        var client = runtime.CreateActor<ChainClient>();
        var tail = runtime.CreateActor<ChainServer>(name: "tail");
        var middle = runtime.CreateActor<ChainServer>(name: "middle");
        var head = runtime.CreateActor<ChainServer>(name: "head");
        runtime.SendEvent(tail, new ChainRole(null, client, false));
        runtime.SendEvent(middle, new ChainRole(tail, client, false));
        runtime.SendEvent(head, new ChainRole(middle, client, bug));
        runtime.SendEvent(client, new ChainEnds(head, tail));
    }
}

/// <summary>Chain replication whose head acknowledges early.</summary>
[SystematicTest("chain-replication-bug", ExpectsBug = true, Description = "chain replication, head acks before the tail: stale read")]
public sealed class ChainReplicationBug() : ChainReplicationTest(true);

/// <summary>Chain replication as published: the tail acknowledges.</summary>
[SystematicTest("chain-replication", Description = "chain replication, tail acks; bug-free")]
public sealed class ChainReplication() : ChainReplicationTest(false);
