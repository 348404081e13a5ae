using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Sorts: Boolean, bit-vector, array, declared (uninterpreted) and enumeration sorts.</summary>
public sealed partial class SmtContext
{
    private readonly Dictionary<nint, Sort> _sortCache = new();
    private readonly Dictionary<string, EnumSort> _enumSorts = new(StringComparer.Ordinal);
    private BoolSort? _boolSort;

    /// <summary>The Boolean sort.</summary>
    public BoolSort BoolSort => _boolSort ??= (BoolSort)SortOf(Z3Native.Z3_mk_bool_sort(Handle), "the Boolean sort");

    /// <summary>The sort of bit-vectors with the given width (1 or more bits).</summary>
    public BitVecSort BitVecSort(int width)
    {
        if (width <= 0)
            throw new SmtException($"A bit-vector sort needs a positive width, not {width}.");
        return (BitVecSort)SortOf(Z3Native.Z3_mk_bv_sort(Handle, (uint)width), $"(_ BitVec {width})");
    }

    /// <summary>The sort of arrays from <paramref name="domain"/> to <paramref name="range"/>.</summary>
    public ArraySort ArraySort(Sort domain, Sort range) =>
        (ArraySort)SortOf(Z3Native.Z3_mk_array_sort(Handle, Use(domain), Use(range)), $"(Array {domain.Name} {range.Name})");

    /// <summary>Declares (or finds) the uninterpreted sort with the given name, such as <c>Page</c>.</summary>
    public UninterpretedSort DeclareSort(string name) =>
        SortOf(Z3Native.Z3_mk_uninterpreted_sort(Handle, Symbol(name)), $"declare-sort {name}") as UninterpretedSort
        ?? throw new SmtException($"The name '{name}' already names a sort that is not an uninterpreted sort.");

    /// <summary>Declares an enumeration sort with the given member names; declaring the same one again returns it.</summary>
    public unsafe EnumSort EnumSort(string name, params string[] memberNames)
    {
        if (memberNames.Length == 0)
            throw new SmtException($"The enumeration sort '{name}' needs at least one member.");
        if (memberNames.Distinct(StringComparer.Ordinal).Count() != memberNames.Length)
            throw new SmtException($"The enumeration sort '{name}' lists a member twice: {string.Join(", ", memberNames)}.");
        if (_enumSorts.TryGetValue(name, out var existing))
        {
            return existing.MemberNames.SequenceEqual(memberNames, StringComparer.Ordinal)
                ? existing
                : throw new SmtException($"The enumeration sort '{name}' was already declared with members {string.Join(", ", existing.MemberNames)}.");
        }
        var count = memberNames.Length;
        var symbols = new nint[count];
        for (var i = 0; i < count; i++)
            symbols[i] = Symbol(memberNames[i]);
        var constants = new nint[count];
        var testers = new nint[count];
        nint sortHandle;
        fixed (nint* s = symbols, c = constants, t = testers)
            sortHandle = Z3Native.Z3_mk_enumeration_sort(Handle, Symbol(name), (uint)count, s, c, t);
        var operation = $"enumeration sort {name}";
        OwnPermanently(sortHandle, operation);
        var sort = new EnumSort(this, sortHandle, name, memberNames.ToArray());
        _sortCache[sortHandle] = sort;
        _enumSorts[name] = sort;
        for (var i = 0; i < count; i++)
        {
            var declaration = OwnPermanently(constants[i], operation);
            var app = OwnPermanently(Z3Native.Z3_mk_app(Handle, declaration, 0, null), operation);
            sort.AddMember(new EnumTerm(this, app, _contextLifetime, sort), memberNames[i]);
        }
        return sort;
    }

    /// <summary>Every enumeration member and sort name declared so far (they share SMT-LIB2's one namespace with assertion names).</summary>
    internal IEnumerable<string> DeclaredEnumMembers() =>
        _enumSorts.Values.SelectMany(sort => sort.MemberNames.Concat(sort.MemberNames.Select(m => "is-" + m)));

    /// <summary>The wrapper of a Z3 sort handle, made (and referenced for the context's life) on first sight.</summary>
    internal Sort SortOf(nint sortHandle, string operation)
    {
        ThrowIfError(operation);
        if (_sortCache.TryGetValue(sortHandle, out var known))
            return known;
        OwnPermanently(sortHandle, operation);
        Sort sort = Z3Native.Z3_get_sort_kind(_handle, sortHandle) switch
        {
            Z3SortKind.Bool => new BoolSort(this, sortHandle),
            Z3SortKind.BitVec => new BitVecSort(this, sortHandle, (int)Z3Native.Z3_get_bv_sort_size(_handle, sortHandle)),
            Z3SortKind.Array => MakeArraySort(sortHandle),
            Z3SortKind.Uninterpreted => new UninterpretedSort(this, sortHandle, AstText(sortHandle)),
            _ => new OtherSort(this, sortHandle, AstText(sortHandle)),
        };
        _sortCache[sortHandle] = sort;
        return sort;
    }

    private ArraySort MakeArraySort(nint sortHandle)
    {
        var domain = SortOf(Z3Native.Z3_get_array_sort_domain(_handle, sortHandle), "array domain");
        var range = SortOf(Z3Native.Z3_get_array_sort_range(_handle, sortHandle), "array range");
        return new ArraySort(this, sortHandle, domain, range);
    }

    /// <summary>Z3's symbol for a name (symbols are interned by Z3 for the context's life; no reference count).</summary>
    internal unsafe nint Symbol(string name)
    {
        fixed (byte* text = Utf8.Terminated(name))
        {
            var symbol = Z3Native.Z3_mk_string_symbol(Handle, text);
            ThrowIfError($"symbol '{name}'");
            return symbol;
        }
    }

    /// <summary>Z3's printed form of an AST (term or sort).</summary>
    internal string AstText(nint ast) => Utf8.Read(Z3Native.Z3_ast_to_string(Handle, ast));
}
