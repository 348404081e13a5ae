using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Models;

/// <summary>Gives a Raft server its peers.</summary>
/// <param name="Peers">The other servers.</param>
/// <param name="ForgetVote">The bug: grant any request with a term at least the current one, ignoring the vote already cast.</param>
/// <param name="MaxElections">How many elections this server may start (keeps iterations finite).</param>
public sealed record RaftPeers(IReadOnlyList<ActorId> Peers, bool ForgetVote, int MaxElections) : Event;

/// <summary>A candidate asks for a vote.</summary>
/// <param name="Term">The candidate's term.</param>
/// <param name="Candidate">The candidate.</param>
public sealed record RequestVote(int Term, ActorId Candidate) : Event;

/// <summary>A vote reply.</summary>
/// <param name="Term">The voter's term.</param>
/// <param name="Granted">Whether the vote is granted.</param>
public sealed record VoteReply(int Term, bool Granted) : Event;

/// <summary>A leader's heartbeat (AppendEntries without entries).</summary>
/// <param name="Term">The leader's term.</param>
public sealed record Heartbeat(int Term) : Event;

/// <summary>Notifies the safety monitor that a server became leader.</summary>
/// <param name="Term">The term.</param>
/// <param name="Leader">The new leader.</param>
public sealed record LeaderElected(int Term, ActorId Leader) : Event;

/// <summary>A Raft server doing leader election (Ongaro and Ousterhout, §5.2) with election timeouts as engine-driven timers.</summary>
public sealed class RaftServer : StateMachine
{
    private RaftPeers config = null!;
    private int term;
    private ActorId? votedFor;
    private int votes;
    private int electionsLeft;
    private TimerInfo? timer;

    [Start]
    [OnEntry(nameof(EnterFollower))]
    [OnEventDoAction(typeof(RaftPeers), nameof(Configure))]
    [OnEventGotoState(typeof(TimerElapsedEvent), typeof(Candidate))]
    [OnEventDoAction(typeof(RequestVote), nameof(OnRequestVote))]
    [OnEventDoAction(typeof(Heartbeat), nameof(OnHeartbeat))]
    [IgnoreEvents(typeof(VoteReply))]
    private sealed class Follower : State;

    [OnEntry(nameof(EnterCandidate))]
    [OnEventGotoState(typeof(TimerElapsedEvent), typeof(Candidate))]
    [OnEventDoAction(typeof(RequestVote), nameof(OnRequestVote))]
    [OnEventDoAction(typeof(VoteReply), nameof(OnVoteReply))]
    [OnEventDoAction(typeof(Heartbeat), nameof(OnHeartbeat))]
    private sealed class Candidate : State;

    [OnEntry(nameof(EnterLeader))]
    [OnEventDoAction(typeof(RequestVote), nameof(OnRequestVote))]
    [OnEventDoAction(typeof(Heartbeat), nameof(OnHeartbeat))]
    [IgnoreEvents(typeof(VoteReply), typeof(TimerElapsedEvent))]
    private sealed class Leader : State;

    private void Configure(RaftPeers peers)
    {
        config = peers;
        electionsLeft = peers.MaxElections;
        ArmTimer();
    }

    private void EnterFollower() => ArmTimer();

    private void ArmTimer()
    {
        if (timer is not null || config is null || electionsLeft <= 0) return;
        timer = StartTimer();
    }

    private void EnterCandidate()
    {
        timer = null;
        electionsLeft--;
        term++;
        votedFor = Id;
        votes = 1;
        foreach (var p in config.Peers) Send(p, new RequestVote(term, Id));
        ArmTimer();
    }

    private void EnterLeader()
    {
        if (timer is not null) StopTimer(timer);
        timer = null;
        Monitor<SingleLeaderPerTerm>(new LeaderElected(term, Id));
        foreach (var p in config.Peers) Send(p, new Heartbeat(term));
    }

    private void OnRequestVote(RequestVote r)
    {
        if (r.Term > term)
        {
            term = r.Term;
            votedFor = null;
            StepDown();
        }
        bool grant = config.ForgetVote
            ? r.Term >= term
            : r.Term == term && (votedFor is null || votedFor == r.Candidate);
        if (grant) votedFor = r.Candidate;
        Send(r.Candidate, new VoteReply(term, grant));
    }

    private void OnVoteReply(VoteReply v)
    {
        if (v.Term > term)
        {
            term = v.Term;
            votedFor = null;
            StepDown();
            return;
        }
        if (v.Term == term && v.Granted && ++votes > (config.Peers.Count + 1) / 2) RaiseGotoStateEvent<Leader>();
    }

    private void OnHeartbeat(Heartbeat h)
    {
        if (h.Term < term) return;
        if (h.Term > term) votedFor = null;
        term = h.Term;
        StepDown();
    }

    private void StepDown()
    {
        if (CurrentStateName != nameof(Follower)) RaiseGotoStateEvent<Follower>();
    }

    /// <inheritdoc/>
    protected internal override int HashState() => HashCode.Combine(term, votedFor?.Value, votes, electionsLeft, timer is null);
}

/// <summary>Raft's election safety: at most one leader per term.</summary>
[OnEventDoAction(typeof(LeaderElected), nameof(OnLeader))]
public sealed class SingleLeaderPerTerm : Monitor
{
    private readonly Dictionary<int, ActorId> leaders = [];

    private void OnLeader(LeaderElected e)
    {
        if (leaders.TryGetValue(e.Term, out var other)) Assert(other == e.Leader, $"two leaders in term {e.Term}: {other} and {e.Leader}");
        leaders[e.Term] = e.Leader;
    }
}

/// <summary>Raft leader election with N servers.</summary>
/// <param name="servers">N.</param>
/// <param name="bug">Whether voters forget the vote they already cast in a term.</param>
/// <param name="maxElections">Elections each server may start.</param>
public class RaftTest(int servers, bool bug, int maxElections) : ISystematicTest
{
    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<SingleLeaderPerTerm>();
        var ids = new ActorId[servers];
        for (int i = 0; i < servers; i++) ids[i] = runtime.CreateActor<RaftServer>(name: $"server{i}");
        for (int i = 0; i < servers; i++)
        {
            var peers = ids.Where((_, j) => j != i).ToArray();
            runtime.SendEvent(ids[i], new RaftPeers(peers, bug, maxElections));
        }
    }
}

/// <summary>Raft whose voters can vote twice in one term: two leaders.</summary>
[SystematicTest("raft-two-leaders", ExpectsBug = true, Description = "Raft election, 3 servers, voters forget their vote: two leaders in a term")]
public sealed class RaftTwoLeaders() : RaftTest(3, true, 2);

/// <summary>Correct Raft election with five servers.</summary>
[SystematicTest("raft-5", Description = "Raft election, 5 servers; bug-free (the 5-node throughput workload)")]
public sealed class Raft5() : RaftTest(5, false, 2);
