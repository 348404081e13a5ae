using System.Runtime.InteropServices;

namespace Persona.Smt.Native;

/// <summary>The slice of Z3's C API that Persona uses, bound to Debian's <c>libz3.so.4</c> with blittable signatures.</summary>
/// <remarks>Every handle is an opaque <see cref="nint"/>; strings go in as NUL-terminated UTF-8 pointers and come back as
/// Z3-owned pointers that the caller copies at once (Z3 reuses the buffer on the next call).</remarks>
internal static unsafe partial class Z3Native
{
    private const string Library = "libz3.so.4";

    // Configuration and context.
    [LibraryImport(Library)] internal static partial nint Z3_mk_config();
    [LibraryImport(Library)] internal static partial void Z3_del_config(nint config);
    [LibraryImport(Library)] internal static partial void Z3_set_param_value(nint config, byte* id, byte* value);
    [LibraryImport(Library)] internal static partial nint Z3_mk_context_rc(nint config);
    [LibraryImport(Library)] internal static partial void Z3_del_context(nint c);
    [LibraryImport(Library)] internal static partial void Z3_set_error_handler(nint c, delegate* unmanaged<nint, Z3ErrorCode, void> handler);
    [LibraryImport(Library)] internal static partial nint Z3_get_error_msg(nint c, Z3ErrorCode code);
    [LibraryImport(Library)] internal static partial void Z3_get_version(uint* major, uint* minor, uint* build, uint* revision);
    [LibraryImport(Library)] internal static partial nint Z3_get_full_version();
    [LibraryImport(Library)] internal static partial ulong Z3_get_estimated_alloc_size();
    [LibraryImport(Library)] internal static partial void Z3_interrupt(nint c);

    // Reference counts.
    [LibraryImport(Library)] internal static partial void Z3_inc_ref(nint c, nint ast);
    [LibraryImport(Library)] internal static partial void Z3_dec_ref(nint c, nint ast);

    // Symbols and printing.
    [LibraryImport(Library)] internal static partial nint Z3_mk_string_symbol(nint c, byte* name);
    [LibraryImport(Library)] internal static partial nint Z3_get_symbol_string(nint c, nint symbol);
    [LibraryImport(Library)] internal static partial nint Z3_ast_to_string(nint c, nint ast);
    [LibraryImport(Library)]
    internal static partial nint Z3_benchmark_to_smtlib_string(
        nint c, byte* name, byte* logic, byte* status, byte* attributes, uint assumptionCount, nint* assumptions, nint formula);
}
