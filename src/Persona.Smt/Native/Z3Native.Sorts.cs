using System.Runtime.InteropServices;

namespace Persona.Smt.Native;

/// <summary>Sort constructors and sort queries.</summary>
internal static unsafe partial class Z3Native
{
    [LibraryImport(Library)] internal static partial nint Z3_mk_bool_sort(nint c);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bv_sort(nint c, uint width);
    [LibraryImport(Library)] internal static partial nint Z3_mk_array_sort(nint c, nint domain, nint range);
    [LibraryImport(Library)] internal static partial nint Z3_mk_uninterpreted_sort(nint c, nint symbol);
    [LibraryImport(Library)]
    internal static partial nint Z3_mk_enumeration_sort(
        nint c, nint name, uint count, nint* elementNames, nint* constants, nint* testers);
    [LibraryImport(Library)] internal static partial nint Z3_get_sort(nint c, nint ast);
    [LibraryImport(Library)] internal static partial Z3SortKind Z3_get_sort_kind(nint c, nint sort);
    [LibraryImport(Library)] internal static partial uint Z3_get_bv_sort_size(nint c, nint sort);
    [LibraryImport(Library)] internal static partial nint Z3_get_array_sort_domain(nint c, nint sort);
    [LibraryImport(Library)] internal static partial nint Z3_get_array_sort_range(nint c, nint sort);
}
