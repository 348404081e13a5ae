using System.Globalization;
using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Costs;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Scheduled events take effect at their virtual time: the boot core's EL2 timer (CNTHP, PPI 26) traps the running persona at
/// the deadline, on one core and on two; the only delay is the cost-model charge of traps in the slice in flight at the deadline. The
/// validator checks the timer's trap like every other (the persona ran until it: <c>compute</c>, then the events' steps).</summary>
public sealed class EventTimingTests(ITestOutputHelper output)
{
    private static readonly SystemRegisterKey Cntpct = new((int)TimerSystemRegister.CntpctEl0);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void RandomEvents_TakeEffectAtTheirTime_LateOnlyByTheChargesOfTrapsInFlight_EveryTrapValidated(int cores, bool freeCostModel)
    {
        var seed = Seed();
        var events = RandomEvents(new Random(seed), 10);
        output.WriteLine($"seed {seed} (reproduce with PERSONA_SEED={seed}); {cores} core(s), {(freeCostModel ? "free" : "default")} cost model");
        var options = new RunOptions(MaxInstructions: 10_000_000, Events: events, Day: true, Cores: cores);
        var (machine, hypervisor, validator, log) = TrapLog.Build(options);
        if (freeCostModel)
            hypervisor.CostModel = CostModel.Free;
        var clock = new TrapClock(hypervisor, hypervisor.Observer);
        hypervisor.Observer = clock;
        machine.Run(options.MaxInstructions);

        output.WriteLine(validator!.FirstViolation?.ToString() ?? "no violation");
        Assert.Null(validator.FirstViolation);
        Assert.Equal(log.Traps.Count, validator.Checked);
        Assert.Equal(events.Count, hypervisor.AppliedEvents);
        foreach (var applied in hypervisor.EventsApplied)
        {
            var due = applied.DueTicks!.Value;
            var trap = log.Traps.Single(t => t.Sequence == applied.Trap);
            // The machine plans a slice in instructions and ends it at the deadline; the cost-model charges of traps in that slice
            // move time on mid-slice, and are the only lateness allowed (none with the free model). A slice is at most a quantum long.
            var allowed = clock.Traps.Where(t => t.Sequence < applied.Trap && t.End + RoundRobinScheduler.DefaultQuantum >= due).Sum(t => (long)t.Charge);
            output.WriteLine($"{applied.Event} due {due}, applied {applied.AppliedTicks} (late {applied.Lateness}, allowed {allowed}) at {trap}");
            Assert.Equal(0, trap.Core);
            Assert.True(applied.AppliedTicks >= due, $"applied early: {applied}");
            Assert.True((long)applied.Lateness <= allowed, $"{applied} is {applied.Lateness} ticks late; the traps in flight charged {allowed}");
            if (freeCostModel)
                Assert.Equal(0UL, applied.Lateness);
        }
        Assert.Contains(log.Traps, t => t.Description == $"IRQ {Hypervisor.EventTimerPpi} (event timer)");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EventTimerTrap_IsAGuestTrap_WhoseStepsAreTheEventsOnly(int cores)
    {
        // A hang-up with no call in progress changes nothing: its timer trap carries no step, and the validator still checks it
        // (as the spec's compute for the persona it interrupted); a switch's timer trap carries the switch.
        var events = new List<TimedEvent> { new(40_000, new RemoteHangUp(null), 0), new(90_000, new UserSwitch(), 0) };
        var options = new RunOptions(MaxInstructions: 10_000_000, Events: events, Day: true, Cores: cores);
        var (machine, hypervisor, validator, log) = TrapLog.Build(options);
        // Without the cost model's charges the times are exact to the tick.
        hypervisor.CostModel = CostModel.Free;
        machine.Run(options.MaxInstructions);
        var timerTraps = log.Traps.Where(t => t.Description.EndsWith("(event timer)", StringComparison.Ordinal)).ToList();
        foreach (var trap in timerTraps)
            output.WriteLine($"{trap} steps: {string.Join("; ", trap.Steps)}");
        Assert.Null(validator!.FirstViolation);
        Assert.Equal(log.Traps.Count, validator.Checked);
        Assert.Equal(2, hypervisor.AppliedEvents);
        var hangUp = log.Traps.Single(t => t.Sequence == hypervisor.EventsApplied[0].Trap);
        var userSwitch = log.Traps.Single(t => t.Sequence == hypervisor.EventsApplied[1].Trap);
        Assert.Contains(hangUp, timerTraps);
        Assert.Empty(hangUp.Steps);
        Assert.False(hangUp.IsWorldSwitch);
        Assert.Contains(userSwitch, timerTraps);
        Assert.Contains(userSwitch.Steps, s => s.Operation == "switchTo");
        Assert.Equal(40_000UL, hypervisor.EventsApplied[0].AppliedTicks);
        Assert.Equal(90_000UL, hypervisor.EventsApplied[1].AppliedTicks);
    }

    private static int Seed() =>
        Environment.GetEnvironmentVariable("PERSONA_SEED") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 20261121;

    /// <summary>Events at random ticks within the day's first 300,000 ticks (the day lasts about 600,000): switches, calls, hang-ups.</summary>
    private static List<TimedEvent> RandomEvents(Random random, int count)
    {
        ExternalEvent[] kinds = [new UserSwitch(), new IncomingCall(Component.Personal, 100), new IncomingCall(Component.Work, 200), new RemoteHangUp(null)];
        return Enumerable.Range(0, count)
            .Select(_ => (ulong)random.Next(1_000, 300_000))
            .Order()
            .Select(t => new TimedEvent(t, kinds[random.Next(kinds.Length)], 0))
            .ToList();
    }

    /// <summary>Forwards to the inner observer and keeps, per trap, the counter after it (a lower bound mid-slice: the emulator brings
    /// a core's in-slice count up to date only at some instructions) and the ticks the cost model charged for it.</summary>
    private sealed class TrapClock(Hypervisor hypervisor, ITrapObserver? inner) : ITrapObserver
    {
        private ulong chargedBefore;

        public List<(long Sequence, ulong End, ulong Charge)> Traps { get; } = [];

        public void OnTrapEntry(Core core, Component persona) => inner?.OnTrapEntry(core, persona);

        public void OnTrapHandled(Core core, TrapRecord trap)
        {
            Traps.Add((trap.Sequence, core.ReadSystemRegister(Cntpct), hypervisor.ChargedTicks - chargedBefore));
            chargedBefore = hypervisor.ChargedTicks;
            inner?.OnTrapHandled(core, trap);
        }
    }
}
