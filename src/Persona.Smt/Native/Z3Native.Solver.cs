using System.Runtime.InteropServices;

namespace Persona.Smt.Native;

/// <summary>Solvers, their parameters, models and AST vectors.</summary>
internal static unsafe partial class Z3Native
{
    [LibraryImport(Library)] internal static partial nint Z3_mk_solver(nint c);
    [LibraryImport(Library)] internal static partial nint Z3_mk_simple_solver(nint c);
    [LibraryImport(Library)] internal static partial void Z3_solver_inc_ref(nint c, nint solver);
    [LibraryImport(Library)] internal static partial void Z3_solver_dec_ref(nint c, nint solver);
    [LibraryImport(Library)] internal static partial void Z3_solver_set_params(nint c, nint solver, nint parameters);
    [LibraryImport(Library)] internal static partial void Z3_solver_push(nint c, nint solver);
    [LibraryImport(Library)] internal static partial void Z3_solver_pop(nint c, nint solver, uint count);
    [LibraryImport(Library)] internal static partial void Z3_solver_assert(nint c, nint solver, nint formula);
    [LibraryImport(Library)] internal static partial void Z3_solver_assert_and_track(nint c, nint solver, nint formula, nint tracker);
    [LibraryImport(Library)] internal static partial Z3LBool Z3_solver_check(nint c, nint solver);
    [LibraryImport(Library)] internal static partial nint Z3_solver_get_model(nint c, nint solver);
    [LibraryImport(Library)] internal static partial nint Z3_solver_get_unsat_core(nint c, nint solver);
    [LibraryImport(Library)] internal static partial nint Z3_solver_get_reason_unknown(nint c, nint solver);

    [LibraryImport(Library)] internal static partial nint Z3_mk_params(nint c);
    [LibraryImport(Library)] internal static partial void Z3_params_inc_ref(nint c, nint parameters);
    [LibraryImport(Library)] internal static partial void Z3_params_dec_ref(nint c, nint parameters);
    [LibraryImport(Library)] internal static partial void Z3_params_set_uint(nint c, nint parameters, nint key, uint value);
    [LibraryImport(Library)] internal static partial void Z3_params_set_bool(nint c, nint parameters, nint key, byte value);

    [LibraryImport(Library)] internal static partial void Z3_model_inc_ref(nint c, nint model);
    [LibraryImport(Library)] internal static partial void Z3_model_dec_ref(nint c, nint model);
    [LibraryImport(Library)] internal static partial byte Z3_model_eval(nint c, nint model, nint term, byte completion, nint* value);
    [LibraryImport(Library)] internal static partial nint Z3_model_get_sort_universe(nint c, nint model, nint sort);
    [LibraryImport(Library)] internal static partial nint Z3_model_to_string(nint c, nint model);

    [LibraryImport(Library)] internal static partial void Z3_ast_vector_inc_ref(nint c, nint vector);
    [LibraryImport(Library)] internal static partial void Z3_ast_vector_dec_ref(nint c, nint vector);
    [LibraryImport(Library)] internal static partial uint Z3_ast_vector_size(nint c, nint vector);
    [LibraryImport(Library)] internal static partial nint Z3_ast_vector_get(nint c, nint vector, uint index);
}
