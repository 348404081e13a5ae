using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Persona.Smt.Native;

/// <summary>Receives Z3's error callbacks, so that Z3 records an error instead of aborting the process.</summary>
/// <remarks>Z3 calls the handler synchronously on the thread that made the failing call, so a thread-static slot is
/// enough; the caller reads it right after the call (a field read rather than a second P/Invoke per call).</remarks>
internal static unsafe class Z3ErrorSink
{
    [ThreadStatic]
    private static Z3ErrorCode t_pending;

    /// <summary>The handler to install with <c>Z3_set_error_handler</c>.</summary>
    internal static delegate* unmanaged<nint, Z3ErrorCode, void> Handler => &OnError;

    /// <summary>Takes the error recorded since the last call (clearing it), or <see cref="Z3ErrorCode.Ok"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Z3ErrorCode Take()
    {
        var code = t_pending;
        t_pending = Z3ErrorCode.Ok;
        return code;
    }

    [UnmanagedCallersOnly]
    private static void OnError(nint context, Z3ErrorCode code) => t_pending = code;
}
