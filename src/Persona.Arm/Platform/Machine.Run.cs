namespace Persona.Arm.Platform;

public sealed partial class Machine
{
    private readonly List<int> runnable = [];

    // The system count at which the running slice would end, if it ran out its budget; 0 between slices.
    private ulong sliceEndTicks;

    /// <summary>Runs until SYSTEM_OFF, deadlock, all cores off, or <paramref name="maxInstructions"/> retired in total.</summary>
    /// <remarks>Before each slice the timers are brought up to date and the slice is cut short at the next timer deadline, so a timer
    /// interrupt is seen at the instruction where its deadline falls; a timer programmed mid-slice to fire before the slice's end
    /// ends the slice after the programming instruction, with the same effect. When every powered-on core waits for an
    /// interrupt, time jumps to the next deadline.</remarks>
    public MachineRunResult Run(ulong maxInstructions = ulong.MaxValue)
    {
        ulong executed = 0;
        var idleSlices = 0;
        while (true)
        {
            if (systemOff)
                return new MachineRunResult(MachineStopReason.SystemOff, executed, Clock.Ticks);
            if (executed >= maxInstructions)
                return new MachineRunResult(MachineStopReason.InstructionLimit, executed, Clock.Ticks);
            Timer.Update();
            CollectRunnable();
            var deadline = Timer.NextDeadline();
            if (runnable.Count == 0)
            {
                if (!cores.Any(c => c.IsPoweredOn))
                    return new MachineRunResult(MachineStopReason.AllCoresOff, executed, Clock.Ticks);
                if (deadline is not { } next)
                    return new MachineRunResult(MachineStopReason.Deadlock, executed, Clock.Ticks);
                Clock.AdvanceTo(next);
                continue;
            }
            var slice = scheduler.Next(runnable, Clock.Ticks);
            if (!runnable.Contains(slice.CoreId) || slice.Instructions < 1)
                throw new InvalidOperationException($"the scheduler chose core {slice.CoreId} for {slice.Instructions} instructions, which is not a runnable slice");
            var budget = (ulong)slice.Instructions;
            budget = Math.Min(budget, maxInstructions - executed);
            if (deadline is { } due)
                budget = Math.Min(budget, Math.Max(1, (due - Clock.Ticks + ticksPerInstruction - 1) / ticksPerInstruction));
            sliceEndTicks = Clock.TicksAfter(budget);
            var retired = cores[slice.CoreId].Run((int)budget);
            sliceEndTicks = 0;
            idleSlices = retired == 0 ? idleSlices + 1 : 0;
            if (idleSlices > 2 * cores.Length)
                throw new InvalidOperationException($"core {slice.CoreId} retired no instruction in {idleSlices} slices while runnable");
            executed += (ulong)retired;
            Clock.Advance((ulong)retired * ticksPerInstruction);
        }
    }

    // A guest programmed its timer mid-slice: if it now fires before the slice would end, end the slice after this instruction, so
    // that the next slice is cut at the deadline (above) and the interrupt is taken at the first instruction boundary at or after it.
    private void OnTimerReprogrammed(int coreId)
    {
        if (sliceEndTicks != 0 && Timer.FiresBefore(coreId, sliceEndTicks))
            cores[coreId].RequestStop();
    }

    private void CollectRunnable()
    {
        runnable.Clear();
        for (var c = 0; c < cores.Length; c++)
        {
            if (cores[c].IsPoweredOn && !cores[c].IsWaitingForInterrupt)
                runnable.Add(c);
        }
    }
}
