using System.Diagnostics;
using Persona.Systematic.Models;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Bench.Systematic;

public static class QuickTiming
{
    public static void Run()
    {
        foreach (var (name, test, ms) in new (string, ISystematicTest, int)[] { ("ping-pong", new PingPong(), 10_000), ("raft-5", new Raft5(), 20) })
        {
            var config = new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 3000, ShrinkBudget = 0 }.WithMaxSteps(ms);
            TestEngine.Run(name, test, config);
            var sw = Stopwatch.StartNew();
            var r = TestEngine.Run(name, test, config);
            sw.Stop();
            Console.WriteLine($"{name}: {r.TotalSteps} steps, {r.Iterations} its in {sw.Elapsed.TotalMilliseconds:F0} ms: {r.TotalSteps / sw.Elapsed.TotalSeconds:F0} steps/s, {r.Iterations / sw.Elapsed.TotalSeconds:F0} it/s");
        }
    }
}
