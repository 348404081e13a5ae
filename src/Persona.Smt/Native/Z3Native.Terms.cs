using System.Runtime.InteropServices;

namespace Persona.Smt.Native;

/// <summary>Term constructors: constants, Boolean and bit-vector operators, arrays, functions, quantifiers.</summary>
internal static unsafe partial class Z3Native
{
    [LibraryImport(Library)] internal static partial nint Z3_mk_const(nint c, nint symbol, nint sort);
    [LibraryImport(Library)] internal static partial nint Z3_mk_fresh_const(nint c, byte* prefix, nint sort);
    [LibraryImport(Library)] internal static partial nint Z3_mk_true(nint c);
    [LibraryImport(Library)] internal static partial nint Z3_mk_false(nint c);
    [LibraryImport(Library)] internal static partial nint Z3_mk_not(nint c, nint a);
    [LibraryImport(Library)] internal static partial nint Z3_mk_and(nint c, uint count, nint* args);
    [LibraryImport(Library)] internal static partial nint Z3_mk_or(nint c, uint count, nint* args);
    [LibraryImport(Library)] internal static partial nint Z3_mk_xor(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_implies(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_iff(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_ite(nint c, nint condition, nint then, nint otherwise);
    [LibraryImport(Library)] internal static partial nint Z3_mk_eq(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_distinct(nint c, uint count, nint* args);

    [LibraryImport(Library)] internal static partial nint Z3_mk_numeral(nint c, byte* numeral, nint sort);
    [LibraryImport(Library)] internal static partial nint Z3_mk_unsigned_int64(nint c, ulong value, nint sort);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvadd(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvsub(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvmul(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvudiv(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvurem(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvand(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvor(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvxor(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvnot(nint c, nint a);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvneg(nint c, nint a);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvshl(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvlshr(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvashr(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvult(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvule(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvugt(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvuge(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvslt(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvsle(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvsgt(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_bvsge(nint c, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint Z3_mk_extract(nint c, uint high, uint low, nint a);
    [LibraryImport(Library)] internal static partial nint Z3_mk_zero_ext(nint c, uint extraBits, nint a);
    [LibraryImport(Library)] internal static partial nint Z3_mk_sign_ext(nint c, uint extraBits, nint a);
    [LibraryImport(Library)] internal static partial nint Z3_mk_concat(nint c, nint high, nint low);

    [LibraryImport(Library)] internal static partial nint Z3_mk_select(nint c, nint array, nint index);
    [LibraryImport(Library)] internal static partial nint Z3_mk_store(nint c, nint array, nint index, nint value);
    [LibraryImport(Library)] internal static partial nint Z3_mk_const_array(nint c, nint domain, nint value);

    [LibraryImport(Library)] internal static partial nint Z3_mk_func_decl(nint c, nint symbol, uint domainCount, nint* domain, nint range);
    [LibraryImport(Library)] internal static partial nint Z3_mk_app(nint c, nint decl, uint argCount, nint* args);
    [LibraryImport(Library)] internal static partial nint Z3_to_app(nint c, nint ast);
    [LibraryImport(Library)] internal static partial nint Z3_get_app_decl(nint c, nint app);
    [LibraryImport(Library)] internal static partial nint Z3_get_decl_name(nint c, nint decl);

    [LibraryImport(Library)] internal static partial nint Z3_mk_pattern(nint c, uint count, nint* terms);
    [LibraryImport(Library)]
    internal static partial nint Z3_mk_forall_const(
        nint c, uint weight, uint boundCount, nint* bound, uint patternCount, nint* patterns, nint body);
    [LibraryImport(Library)]
    internal static partial nint Z3_mk_exists_const(
        nint c, uint weight, uint boundCount, nint* bound, uint patternCount, nint* patterns, nint body);

    // Values read back from models.
    [LibraryImport(Library)] internal static partial Z3LBool Z3_get_bool_value(nint c, nint ast);
    [LibraryImport(Library)] internal static partial nint Z3_get_numeral_string(nint c, nint ast);
    [LibraryImport(Library)] internal static partial byte Z3_is_numeral_ast(nint c, nint ast);
    [LibraryImport(Library)] internal static partial byte Z3_is_app(nint c, nint ast);
}
