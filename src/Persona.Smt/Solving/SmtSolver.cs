using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>A Z3 solver session with the context's pinned options, named assertions, push/pop and SMT-LIB2 output.</summary>
/// <remarks>The solver keeps its own references to the formulas asserted on it (so its SMT-LIB2 output stays valid after
/// the caller's scope closes); the scope open when it was made releases the solver itself.</remarks>
public sealed partial class SmtSolver : ISmtSolver, IDisposable, INativeResource
{
    private readonly List<AssertedFormula> _assertions = new();
    private readonly List<int> _pushMarks = new();
    private readonly Dictionary<nint, string> _trackerNames = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Lifetime _lifetime;
    private nint _handle;

    internal SmtSolver(SmtContext context, uint timeoutMilliseconds, SmtSolverKind kind)
    {
        Context = context;
        TimeoutMilliseconds = timeoutMilliseconds;
        Kind = kind;
        var c = context.Handle;
        var solver = kind == SmtSolverKind.SmtCore ? Z3Native.Z3_mk_simple_solver(c) : Z3Native.Z3_mk_solver(c);
        context.ThrowIfError("mk_solver");
        Z3Native.Z3_solver_inc_ref(c, solver);
        _handle = solver;
        _lifetime = context.Register(this);
        ApplyParameters(c);
    }

    /// <summary>The context the solver works in.</summary>
    public SmtContext Context { get; }

    /// <summary>The per-check timeout in milliseconds (zero: none).</summary>
    public uint TimeoutMilliseconds { get; }

    /// <summary>Which Z3 solver runs the checks.</summary>
    public SmtSolverKind Kind { get; }

    /// <inheritdoc/>
    public int Depth => _pushMarks.Count;

    /// <summary>The names of the assertions currently in force, in order (null for unnamed ones).</summary>
    public IReadOnlyList<string?> AssertionNames => _assertions.Select(a => a.Name).ToArray();

    /// <inheritdoc/>
    public void Push()
    {
        var c = Live();
        Z3Native.Z3_solver_push(c, _handle);
        Context.ThrowIfError("push");
        _pushMarks.Add(_assertions.Count);
    }

    /// <inheritdoc/>
    public void Pop(int levels = 1)
    {
        if (levels < 1 || levels > _pushMarks.Count)
            throw new SmtException($"Cannot pop {levels} levels from a solver with {_pushMarks.Count} pushed.");
        var c = Live();
        Z3Native.Z3_solver_pop(c, _handle, (uint)levels);
        Context.ThrowIfError("pop");
        var mark = _pushMarks[^levels];
        _pushMarks.RemoveRange(_pushMarks.Count - levels, levels);
        for (var i = _assertions.Count - 1; i >= mark; i--)
            Forget(c, _assertions[i]);
        _assertions.RemoveRange(mark, _assertions.Count - mark);
    }

    /// <inheritdoc/>
    public void Assert(BoolTerm formula)
    {
        var c = Live();
        var f = Context.Use(formula);
        Z3Native.Z3_solver_assert(c, _handle, f);
        Context.ThrowIfError("assert");
        Keep(c, new AssertedFormula(null, f, 0));
    }

    /// <inheritdoc/>
    public unsafe void Assert(string name, BoolTerm formula)
    {
        SmtLibText.RequireSymbol(name, "assertion name");
        if (_names.Contains(name))
            throw new SmtException($"The assertion name '{name}' is already in use in this solver.");
        var c = Live();
        var f = Context.Use(formula);
        nint tracker;
        fixed (byte* prefix = Utf8.Terminated("track!" + name))
            tracker = Z3Native.Z3_mk_fresh_const(c, prefix, Context.Use(Context.BoolSort));
        Context.ThrowIfError($"tracker for '{name}'");
        Z3Native.Z3_inc_ref(c, tracker);
        Z3Native.Z3_solver_assert_and_track(c, _handle, f, tracker);
        try
        {
            Context.ThrowIfError($"assert '{name}'");
        }
        catch
        {
            Z3Native.Z3_dec_ref(c, tracker);
            throw;
        }
        Keep(c, new AssertedFormula(name, f, tracker));
        _names.Add(name);
        _trackerNames.Add(tracker, name);
        Z3Native.Z3_dec_ref(c, tracker); // Keep took its own reference.
    }

    /// <inheritdoc/>
    public SmtResult Check()
    {
        var c = Live();
        var (answer, interrupted) = TimeoutMilliseconds == 0 ? (CheckUnbounded(c), false) : CheckWithWatchdog(c);
        return answer switch
        {
            Z3LBool.True => new SmtResult.Sat(ReadModel(c)),
            Z3LBool.False => new SmtResult.Unsat(ReadCore(c)),
            _ => new SmtResult.Unknown(interrupted ? TimeoutReason : ReadReasonUnknown(c)),
        };
    }

    /// <summary>Releases the solver and its references now rather than when its scope closes.</summary>
    public void Dispose() => ((INativeResource)this).Release();

    void INativeResource.Release()
    {
        if (_handle == 0)
            return;
        var c = Context.Handle;
        foreach (var assertion in _assertions)
            Forget(c, assertion);
        _assertions.Clear();
        Z3Native.Z3_solver_dec_ref(c, _handle);
        _handle = 0;
    }

    private nint Live()
    {
        ObjectDisposedException.ThrowIf(_handle == 0 || !_lifetime.IsOpen, this);
        return Context.Handle;
    }

    private void Keep(nint c, AssertedFormula assertion)
    {
        Z3Native.Z3_inc_ref(c, assertion.Handle);
        if (assertion.Tracker != 0)
            Z3Native.Z3_inc_ref(c, assertion.Tracker);
        _assertions.Add(assertion);
    }

    private void Forget(nint c, AssertedFormula assertion)
    {
        Z3Native.Z3_dec_ref(c, assertion.Handle);
        if (assertion.Tracker != 0)
        {
            _trackerNames.Remove(assertion.Tracker);
            _names.Remove(assertion.Name!);
            Z3Native.Z3_dec_ref(c, assertion.Tracker);
        }
    }

    private unsafe void ApplyParameters(nint c)
    {
        var parameters = Z3Native.Z3_mk_params(c);
        Z3Native.Z3_params_inc_ref(c, parameters);
        try
        {
            Z3Native.Z3_params_set_uint(c, parameters, Context.Symbol("random_seed"), Context.Options.RandomSeed);
            // No Z3 "timeout": CheckWatchdog enforces it (Z3 4.8.12's timer can lose a timeout). No "ctrl_c" either:
            // Z3 would swap the process's SIGINT handler on every check, racing between threads and with .NET's handler.
            Z3Native.Z3_params_set_bool(c, parameters, Context.Symbol("ctrl_c"), 0);
            Z3Native.Z3_solver_set_params(c, _handle, parameters);
            Context.ThrowIfError("solver parameters");
        }
        finally
        {
            Z3Native.Z3_params_dec_ref(c, parameters);
        }
    }

    private SmtModel ReadModel(nint c)
    {
        var model = Z3Native.Z3_solver_get_model(c, _handle);
        Context.ThrowIfError("get-model");
        return new SmtModel(Context, model);
    }

    private string[] ReadCore(nint c)
    {
        var core = Z3Native.Z3_solver_get_unsat_core(c, _handle);
        Context.ThrowIfError("get-unsat-core");
        Z3Native.Z3_ast_vector_inc_ref(c, core);
        try
        {
            var inCore = new HashSet<nint>();
            var size = Z3Native.Z3_ast_vector_size(c, core);
            for (uint i = 0; i < size; i++)
                inCore.Add(Z3Native.Z3_ast_vector_get(c, core, i));
            // Report in assertion order so the core reads the same on every run.
            return _assertions.Where(a => a.Tracker != 0 && inCore.Contains(a.Tracker)).Select(a => a.Name!).ToArray();
        }
        finally
        {
            Z3Native.Z3_ast_vector_dec_ref(c, core);
        }
    }

    private string ReadReasonUnknown(nint c)
    {
        var reason = Utf8.Read(Z3Native.Z3_solver_get_reason_unknown(c, _handle));
        Context.ThrowIfError("reason-unknown");
        return reason.Length == 0 ? "unknown (Z3 gave no reason)" : reason;
    }

    /// <summary>One assertion as the solver holds it: its optional name, the formula's handle and (if named) its tracker literal.</summary>
    private readonly record struct AssertedFormula(string? Name, nint Handle, nint Tracker);
}
