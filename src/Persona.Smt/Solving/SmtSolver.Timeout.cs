using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>What a check that ran into its timeout leaves behind.</summary>
public sealed partial class SmtSolver
{
    /// <summary>The reason an interrupted check reports, as Z3's own timer would.</summary>
    private const string TimeoutReason = "timeout";

    /// <summary>Runs a check with no timeout.</summary>
    private Z3LBool CheckUnbounded(nint c)
    {
        var answer = Z3Native.Z3_solver_check(c, _handle);
        Context.ThrowIfError("check-sat");
        return answer;
    }

    /// <summary>Runs the check under <see cref="CheckWatchdog"/>; the flag says whether it was interrupted.</summary>
    private (Z3LBool Answer, bool Interrupted) CheckWithWatchdog(nint c)
    {
        var pending = CheckWatchdog.Start(c, TimeoutMilliseconds);
        Z3LBool answer;
        bool interrupted;
        try
        {
            answer = Z3Native.Z3_solver_check(c, _handle);
        }
        finally
        {
            interrupted = CheckWatchdog.Finish(pending);
        }
        try
        {
            Context.ThrowIfError("check-sat");
        }
        finally
        {
            if (interrupted)
                ClearLateInterrupt(c);
        }
        return (answer, interrupted);
    }

    /// <summary>Clears a cancellation that <see cref="CheckWatchdog"/> may have delivered after Z3 finished the check but before
    /// it was unregistered: left set, it would make the next model evaluation or simplification on this context fail.</summary>
    /// <remarks>Every <c>Z3_solver_check</c> resets the manager's cancel flag on entry and exit (<c>scoped_rlimit</c>), so an
    /// empty check on a scratch solver clears it; it takes well under a millisecond and runs only after an interrupt.</remarks>
    private void ClearLateInterrupt(nint c)
    {
        var scratch = Z3Native.Z3_mk_simple_solver(c);
        Z3Native.Z3_solver_inc_ref(c, scratch);
        try
        {
            var parameters = Z3Native.Z3_mk_params(c);
            Z3Native.Z3_params_inc_ref(c, parameters);
            Z3Native.Z3_params_set_bool(c, parameters, Context.Symbol("ctrl_c"), 0);
            Z3Native.Z3_solver_set_params(c, scratch, parameters);
            Z3Native.Z3_params_dec_ref(c, parameters);
            Z3Native.Z3_solver_check(c, scratch);
            Context.ThrowIfError("clearing a timeout's interrupt");
        }
        finally
        {
            Z3Native.Z3_solver_dec_ref(c, scratch);
        }
    }
}
