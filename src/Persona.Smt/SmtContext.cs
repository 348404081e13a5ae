using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>One Z3 context, created with reference counting: it owns every term, sort, model and solver it hands out.</summary>
/// <remarks>Handles made inside <see cref="Scope"/> are released when the scope closes; sorts and function
/// declarations live as long as the context. A context is not thread-safe: use one per thread.</remarks>
public sealed partial class SmtContext : IDisposable
{
    private readonly List<nint> _scopedAsts = new(1024);
    private readonly List<INativeResource> _scopedResources = new();
    private readonly List<nint> _permanentAsts = new();
    private readonly List<SmtScope> _openScopes = new();
    private readonly Lifetime _contextLifetime = new("the context");
    private nint _handle;

    /// <summary>Creates a context with the pinned options (model generation on, a fixed random seed).</summary>
    public SmtContext(SmtOptions? options = null)
    {
        Options = options ?? SmtOptions.Default;
        var config = Z3Native.Z3_mk_config();
        try
        {
            SetConfig(config, "model", "true");
            _handle = Z3Native.Z3_mk_context_rc(config);
        }
        finally
        {
            Z3Native.Z3_del_config(config);
        }
        if (_handle == 0)
            throw new SmtException("Z3 could not create a context (Z3_mk_context_rc returned null).");
        unsafe
        {
            Z3Native.Z3_set_error_handler(_handle, Z3ErrorSink.Handler);
        }
    }

    /// <summary>The options every solver of this context uses.</summary>
    public SmtOptions Options { get; }

    /// <summary>The version of the Z3 library in process.</summary>
    public static SmtVersion Version { get; } = ReadVersion();

    /// <summary>Bytes Z3 has allocated and not freed, across the process (<c>Z3_get_estimated_alloc_size</c>); a leak-test figure.</summary>
    public static long NativeAllocatedBytes => (long)Z3Native.Z3_get_estimated_alloc_size();

    /// <summary>How many AST references the context holds (scoped plus permanent); a diagnostic for leak tests.</summary>
    public int HeldReferenceCount => _scopedAsts.Count + _permanentAsts.Count;

    /// <summary>Opens a scope: everything made until it is disposed is released then.</summary>
    public SmtScope Scope()
    {
        ThrowIfDisposed();
        var scope = new SmtScope(this, _scopedAsts.Count, _scopedResources.Count, _openScopes.Count + 1);
        _openScopes.Add(scope);
        return scope;
    }

    /// <summary>Releases every reference and the Z3 context itself.</summary>
    public void Dispose()
    {
        if (_handle == 0)
            return;
        while (_openScopes.Count > 0)
            CloseScope(_openScopes[^1]);
        ReleaseFrom(0, 0);
        foreach (var ast in _permanentAsts)
            Z3Native.Z3_dec_ref(_handle, ast);
        _permanentAsts.Clear();
        _sortCache.Clear();
        _contextLifetime.Close();
        Z3Native.Z3_del_context(_handle);
        _handle = 0;
    }

    internal nint Handle
    {
        get
        {
            ThrowIfDisposed();
            return _handle;
        }
    }

    internal Lifetime CurrentLifetime => _openScopes.Count == 0 ? _contextLifetime : _openScopes[^1].Lifetime;

    internal Lifetime PermanentLifetime => _contextLifetime;

    internal void CloseScope(SmtScope scope)
    {
        if (_openScopes.Count == 0 || !ReferenceEquals(_openScopes[^1], scope))
            throw new InvalidOperationException("SMT scopes must be closed innermost first.");
        _openScopes.RemoveAt(_openScopes.Count - 1);
        ReleaseFrom(scope.AstStart, scope.ResourceStart);
        scope.Lifetime.Close();
    }

    /// <summary>Throws the pending Z3 error, if the last call made one, with Z3's message.</summary>
    internal void ThrowIfError(string operation)
    {
        var code = Z3ErrorSink.Take();
        if (code != Z3ErrorCode.Ok)
            throw new SmtException(operation, $"{Utf8.Read(Z3Native.Z3_get_error_msg(_handle, code))} ({code})");
    }

    /// <summary>Checks a freshly made AST, takes a reference on it, and records it in the innermost scope.</summary>
    internal nint Own(nint ast, string operation)
    {
        ThrowIfError(operation);
        if (ast == 0)
            throw new SmtException(operation, "Z3 returned a null AST");
        Z3Native.Z3_inc_ref(_handle, ast);
        _scopedAsts.Add(ast);
        return ast;
    }

    /// <summary>Like <see cref="Own"/>, but the reference lives as long as the context (sorts, declarations).</summary>
    internal nint OwnPermanently(nint ast, string operation)
    {
        ThrowIfError(operation);
        if (ast == 0)
            throw new SmtException(operation, "Z3 returned a null AST");
        Z3Native.Z3_inc_ref(_handle, ast);
        _permanentAsts.Add(ast);
        return ast;
    }

    /// <summary>Records a solver or model so the innermost scope releases it.</summary>
    internal Lifetime Register(INativeResource resource)
    {
        _scopedResources.Add(resource);
        return CurrentLifetime;
    }

    /// <summary>The Z3 handle of a wrapper, after checking that it belongs here and its scope is still open.</summary>
    internal nint Use(Term term)
    {
        if (!ReferenceEquals(term.Context, this))
            throw new SmtException($"The term {term.DebugName} belongs to another SMT context.");
        if (!term.Lifetime.IsOpen)
            throw new ObjectDisposedException(nameof(Term), $"A term made in {term.Lifetime.Description} was used after that scope closed.");
        return term.Handle;
    }

    /// <summary>The Z3 handle of a sort, after checking that it belongs here.</summary>
    internal nint Use(Sort sort)
    {
        if (!ReferenceEquals(sort.Context, this))
            throw new SmtException($"The sort {sort.Name} belongs to another SMT context.");
        ThrowIfDisposed();
        return sort.Handle;
    }

    private void ReleaseFrom(int astStart, int resourceStart)
    {
        for (var i = _scopedResources.Count - 1; i >= resourceStart; i--)
            _scopedResources[i].Release();
        _scopedResources.RemoveRange(resourceStart, _scopedResources.Count - resourceStart);
        for (var i = _scopedAsts.Count - 1; i >= astStart; i--)
            Z3Native.Z3_dec_ref(_handle, _scopedAsts[i]);
        _scopedAsts.RemoveRange(astStart, _scopedAsts.Count - astStart);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_handle == 0, this);

    private static unsafe void SetConfig(nint config, string key, string value)
    {
        fixed (byte* k = Utf8.Terminated(key))
        fixed (byte* v = Utf8.Terminated(value))
            Z3Native.Z3_set_param_value(config, k, v);
    }

    private static unsafe SmtVersion ReadVersion()
    {
        uint major, minor, build, revision;
        Z3Native.Z3_get_version(&major, &minor, &build, &revision);
        return new SmtVersion((int)major, (int)minor, (int)build, (int)revision, Utf8.Read(Z3Native.Z3_get_full_version()));
    }
}
