using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Models;

/// <summary>Tells the detector which nodes to watch.</summary>
/// <param name="Nodes">The watched nodes.</param>
/// <param name="StopCheckingAfterMiss">The bug: a node that misses one round is no longer pinged or counted, so it is never declared failed.</param>
public sealed record WatchNodes(IReadOnlyList<ActorId> Nodes, bool StopCheckingAfterMiss) : Event;

/// <summary>The detector's probe.</summary>
/// <param name="Detector">Whom to answer.</param>
public sealed record HeartbeatProbe(ActorId Detector) : Event;

/// <summary>A node's answer to a probe.</summary>
/// <param name="Node">The answering node.</param>
public sealed record ProbeReply(ActorId Node) : Event;

/// <summary>The detector declares a node failed.</summary>
/// <param name="Node">The node.</param>
public sealed record NodeDeclaredFailed(ActorId Node) : Event;

/// <summary>A watched node: answers probes until it crashes.</summary>
[OnEventDoAction(typeof(HeartbeatProbe), nameof(OnProbe))]
public sealed class WatchedNode : Actor
{
    private void OnProbe(HeartbeatProbe p) => Send(p.Detector, new ProbeReply(Id));
}

/// <summary>A heartbeat failure detector: every round (a periodic timer) it counts nodes that did not answer and declares a node failed after two missed rounds.</summary>
[OnEventDoAction(typeof(WatchNodes), nameof(OnWatch))]
[OnEventDoAction(typeof(TimerElapsedEvent), nameof(OnRound))]
[OnEventDoAction(typeof(ProbeReply), nameof(OnReply))]
public sealed class FailureDetector : Actor
{
    private WatchNodes watch = null!;
    private readonly Dictionary<ActorId, int> missed = [];
    private readonly HashSet<ActorId> answered = [];
    private readonly HashSet<ActorId> declared = [];
    private readonly HashSet<ActorId> ignored = [];

    private void OnWatch(WatchNodes w)
    {
        watch = w;
        foreach (var n in w.Nodes) missed[n] = 0;
        StartPeriodicTimer();
        Probe();
    }

    private void OnRound()
    {
        foreach (var n in watch.Nodes)
        {
            if (declared.Contains(n) || ignored.Contains(n)) continue;
            missed[n] = answered.Contains(n) ? 0 : missed[n] + 1;
            if (missed[n] >= 2)
            {
                declared.Add(n);
                Monitor<EveryCrashDetected>(new NodeDeclaredFailed(n));
            }
            else if (missed[n] == 1 && watch.StopCheckingAfterMiss)
            {
                ignored.Add(n);
            }
        }
        answered.Clear();
        Probe();
    }

    private void Probe()
    {
        foreach (var n in watch.Nodes)
        {
            if (!declared.Contains(n) && !ignored.Contains(n)) Send(n, new HeartbeatProbe(Id));
        }
    }

    private void OnReply(ProbeReply r) => answered.Add(r.Node);

    /// <inheritdoc/>
    protected internal override int HashState()
    {
        var h = new HashCode();
        foreach (var n in watch?.Nodes ?? [])
        {
            h.Add(missed.GetValueOrDefault(n));
            h.Add(answered.Contains(n));
            h.Add(declared.Contains(n));
            h.Add(ignored.Contains(n));
        }
        return h.ToHashCode();
    }
}

/// <summary>Liveness: once a node crashes the monitor is hot until the detector declares it failed.</summary>
public sealed class EveryCrashDetected : Monitor
{
    private readonly HashSet<ActorId> pending = [];

    [Start]
    [Cold]
    [OnEventDoAction(typeof(NodeDeclaredFailed), nameof(OnDeclared))]
    private sealed class AllDetected : State;

    [Hot]
    [OnEventDoAction(typeof(NodeDeclaredFailed), nameof(OnDeclared))]
    private sealed class CrashUndetected : State;

    /// <inheritdoc/>
    protected internal override void OnActorCrashed(ActorId actor)
    {
        if (actor.Type != typeof(WatchedNode)) return;
        pending.Add(actor);
        RaiseGotoStateEvent<CrashUndetected>();
    }

    private void OnDeclared(NodeDeclaredFailed e)
    {
        pending.Remove(e.Node);
        if (pending.Count == 0) RaiseGotoStateEvent<AllDetected>();
    }

    /// <inheritdoc/>
    protected internal override int HashState() => pending.Count;
}

/// <summary>A detector watching two nodes, one of which the engine may crash (no restart).</summary>
/// <param name="bug">Whether the detector stops counting a node after its first miss.</param>
/// <param name="lasso">Whether to look for fair cycles while hot (else only the temperature finds the bug).</param>
public class FailureDetectorTest(bool bug, bool lasso) : ISystematicTest
{
    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<EveryCrashDetected>();
        var a = runtime.CreateActor<WatchedNode>(name: "nodeA");
        var b = runtime.CreateActor<WatchedNode>(name: "nodeB");
        var detector = runtime.CreateActor<FailureDetector>(name: "detector");
        runtime.SendEvent(detector, new WatchNodes([a, b], bug));
        runtime.InjectCrashes(a, maxCrashes: 1, restart: false);
    }

    /// <inheritdoc/>
    public TestConfiguration Configure(TestConfiguration configuration) =>
        configuration with { MaxFairSteps = 5_000, MaxUnfairSteps = 1_000, LivenessTemperatureThreshold = 2_000, LassoDetection = lasso, TimeoutDelay = 2 };
}

/// <summary>The detector that stops counting a node after one miss: a crashed node is never declared failed.</summary>
[SystematicTest("failure-detector-bug", ExpectsBug = true, Description = "heartbeat failure detector with a liveness bug; found by lasso detection")]
public sealed class FailureDetectorBug() : FailureDetectorTest(true, true);

/// <summary>The correct detector.</summary>
[SystematicTest("failure-detector", Description = "heartbeat failure detector; bug-free")]
public sealed class FailureDetectorFixed() : FailureDetectorTest(false, true);
