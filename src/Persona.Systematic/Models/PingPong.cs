using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Models;

/// <summary>Starts a ping-pong client: who to ping and how many rounds.</summary>
/// <param name="Server">The server to ping.</param>
/// <param name="Rounds">How many round trips before halting.</param>
public sealed record PingPongSetup(ActorId Server, int Rounds) : Event;

/// <summary>A ping carrying its sender.</summary>
/// <param name="From">Who to answer.</param>
public sealed record Ping(ActorId From) : Event;

/// <summary>The answer to a ping.</summary>
public sealed record Pong : Event
{
    /// <summary>The one instance, so the benchmark loop does not allocate.</summary>
    public static readonly Pong Instance = new();
}

/// <summary>Answers every ping with a pong.</summary>
[OnEventDoAction(typeof(Ping), nameof(OnPing))]
[OnEventDoAction(typeof(HaltEvent), nameof(OnHaltRequest))]
public sealed class PingServer : Actor
{
    private void OnPing(Ping ping) => Send(ping.From, Pong.Instance);

    private void OnHaltRequest() => RaiseHaltEvent();
}

/// <summary>Pings the server a fixed number of times, then halts both.</summary>
[OnEventDoAction(typeof(Pong), nameof(OnPong))]
public sealed class PingClient : Actor
{
    private Ping ping = null!;
    private ActorId server = null!;
    private int remaining;

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        var setup = (PingPongSetup)initialEvent!;
        server = setup.Server;
        remaining = setup.Rounds;
        ping = new Ping(Id);
        Send(server, ping);
    }

    private void OnPong()
    {
        if (--remaining > 0)
        {
            Send(server, ping);
            return;
        }
        Send(server, HaltEvent.Instance);
        RaiseHaltEvent();
    }
}

/// <summary>One client and one server exchanging pings: the throughput benchmark's first workload.</summary>
/// <param name="rounds">Round trips per iteration.</param>
/// <param name="pairs">Independent client/server pairs.</param>
public class PingPongTest(int rounds, int pairs) : ISystematicTest
{
    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        for (int i = 0; i < pairs; i++)
        {
            var server = runtime.CreateActor<PingServer>();
            runtime.CreateActor<PingClient>(new PingPongSetup(server, rounds));
        }
    }
}

/// <summary>The registered ping-pong test: one pair, 100 round trips.</summary>
[SystematicTest("ping-pong", Description = "one client and one server, 100 round trips; bug-free")]
public sealed class PingPong() : PingPongTest(100, 1);
