using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Array constants, constant arrays, select and store.</summary>
public sealed partial class SmtContext
{
    /// <summary>An array constant from <paramref name="domain"/> to <paramref name="range"/>, typed by the term types given.</summary>
    public ArrayTerm<TDomain, TRange> Array<TDomain, TRange>(string name, Sort domain, Sort range)
        where TDomain : Term, ITypedTerm<TDomain>
        where TRange : Term, ITypedTerm<TRange> =>
        Constant<ArrayTerm<TDomain, TRange>>(name, ArraySort(domain, range));

    /// <summary>The array that maps every index of <paramref name="domain"/> to <paramref name="value"/>.</summary>
    public ArrayTerm<TDomain, TRange> ConstArray<TDomain, TRange>(Sort domain, TRange value)
        where TDomain : Term, ITypedTerm<TDomain>
        where TRange : Term, ITypedTerm<TRange> =>
        Wrap<ArrayTerm<TDomain, TRange>>(Z3Native.Z3_mk_const_array(Handle, Use(domain), Use(value)), "const array");

    internal TRange Select<TDomain, TRange>(ArrayTerm<TDomain, TRange> array, TDomain index)
        where TDomain : Term, ITypedTerm<TDomain>
        where TRange : Term, ITypedTerm<TRange> =>
        Wrap<TRange>(Z3Native.Z3_mk_select(Handle, Use(array), Use(index)), "select");

    internal ArrayTerm<TDomain, TRange> Store<TDomain, TRange>(ArrayTerm<TDomain, TRange> array, TDomain index, TRange value)
        where TDomain : Term, ITypedTerm<TDomain>
        where TRange : Term, ITypedTerm<TRange> =>
        Wrap<ArrayTerm<TDomain, TRange>>(Z3Native.Z3_mk_store(Handle, Use(array), Use(index), Use(value)), "store");
}
