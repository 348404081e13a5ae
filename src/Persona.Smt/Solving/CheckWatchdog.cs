using System.Diagnostics;
using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Enforces solver timeouts for every context in the process: one background thread interrupts each check that
/// passes its deadline with <c>Z3_interrupt</c>, and repeats the interrupt until the check returns.</summary>
/// <remarks>Z3 4.8.12's own per-check timer cannot be trusted: <c>Z3_solver_check</c> arms it before <c>scoped_rlimit</c>
/// resets the manager's cancel flag, and it fires only once, so a timeout that fires in that window is erased and the check
/// runs forever (the test-host hang, see TimeoutStressTests). Repeating the interrupt makes an erased one harmless.
/// The watchdog interrupts a context only while a check on it is registered here, and the checking thread unregisters
/// under the same lock before it touches the context again, so an interrupt never races with disposal.</remarks>
internal static class CheckWatchdog
{
    /// <summary>How long after a (possibly erased) interrupt the watchdog interrupts again.</summary>
    private static readonly long RetryTicks = Stopwatch.Frequency / 100;

    // A plain object, not System.Threading.Lock: the watchdog sleeps with Monitor.Wait on it.
    private static readonly object Gate = new();
    private static readonly List<PendingCheck> Pending = [];
    private static Thread? s_thread;

    /// <summary>Registers a check on <paramref name="context"/> that must end within <paramref name="timeoutMilliseconds"/>.</summary>
    internal static PendingCheck Start(nint context, uint timeoutMilliseconds)
    {
        var check = new PendingCheck(context, Stopwatch.GetTimestamp() + timeoutMilliseconds * Stopwatch.Frequency / 1000);
        lock (Gate)
        {
            Pending.Add(check);
            if (s_thread is null)
            {
                s_thread = new Thread(Watch) { IsBackground = true, Name = "Persona.Smt check watchdog" };
                s_thread.Start();
            }
            Monitor.PulseAll(Gate);
        }
        return check;
    }

    /// <summary>Unregisters a check once Z3 returned; after this the watchdog never touches its context. True if it was interrupted.</summary>
    internal static bool Finish(PendingCheck check)
    {
        lock (Gate)
        {
            Pending.Remove(check);
            return check.Interrupted;
        }
    }

    private static void Watch()
    {
        lock (Gate)
        {
            while (true)
            {
                if (Pending.Count == 0)
                {
                    Monitor.Wait(Gate);
                    continue;
                }
                var now = Stopwatch.GetTimestamp();
                var next = long.MaxValue;
                foreach (var check in Pending)
                {
                    if (check.DeadlineTicks <= now)
                    {
                        Z3Native.Z3_interrupt(check.Context);
                        check.Interrupted = true;
                        check.DeadlineTicks = now + RetryTicks;
                    }
                    next = Math.Min(next, check.DeadlineTicks);
                }
                var waitMs = (int)Math.Clamp((next - now) * 1000 / Stopwatch.Frequency, 1, int.MaxValue);
                Monitor.Wait(Gate, waitMs);
            }
        }
    }

    /// <summary>One check in progress: its context, its (next) deadline and whether it has been interrupted.</summary>
    internal sealed class PendingCheck(nint context, long deadlineTicks)
    {
        /// <summary>The Z3 context the check runs in.</summary>
        internal nint Context { get; } = context;

        /// <summary>When the watchdog interrupts next, in <see cref="Stopwatch"/> ticks.</summary>
        internal long DeadlineTicks { get; set; } = deadlineTicks;

        /// <summary>True once the watchdog has interrupted the check.</summary>
        internal bool Interrupted { get; set; }
    }
}
