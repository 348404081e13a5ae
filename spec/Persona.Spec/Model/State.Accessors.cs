using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Model;

/// <summary>Readable accessors over the state's terms, used by the rules and operations.</summary>
public sealed partial class State
{
    /// <summary>The ownership state of page <paramref name="p"/> for component <paramref name="c"/>.</summary>
    public Term<PageState> PageState(Term<Component> c, Term<Page> p) => Get(Fields.PageStates).At(c).At(p);

    /// <summary>Whether page <paramref name="p"/> is mapped for component <paramref name="c"/>.</summary>
    public Term<bool> IsMapped(Term<Component> c, Term<Page> p) => Get(Fields.Mapped).At(c).At(p);

    /// <summary>Whose data page <paramref name="p"/> holds.</summary>
    public Term<Label> Content(Term<Page> p) => Get(Fields.Content).At(p);

    /// <summary>Whether component <paramref name="c"/> has any access to page <paramref name="p"/>.</summary>
    public Term<bool> CanAccess(Term<Component> c, Term<Page> p) => PageState(c, p) != Lit(Model.PageState.None);

    /// <summary>Whether component <paramref name="c"/> owns page <paramref name="p"/> (exclusively or as a lender).</summary>
    public Term<bool> IsOwner(Term<Component> c, Term<Page> p) =>
        PageState(c, p).IsOneOf(Model.PageState.Owned, Model.PageState.SharedOwned);

    /// <summary>Whether device <paramref name="d"/> is assigned to component <paramref name="c"/>.</summary>
    public Term<bool> Holds(Term<Component> c, Term<Device> d) =>
        Get(Fields.DeviceAssigned).At(d) & (Get(Fields.DeviceOwner).At(d) == c);

    /// <summary>Whether device <paramref name="d"/> can reach page <paramref name="p"/> by DMA.</summary>
    public Term<bool> Reaches(Term<Device> d, Term<Page> p) => Get(Fields.DmaReach).At(d).At(p);

    /// <summary>Whether any device can reach page <paramref name="p"/> by DMA (the page is pinned).</summary>
    public Term<bool> DmaPinned(Term<Page> p) => Exists<Device>(d => Reaches(d, p));

    /// <summary>The label of a component's own data.</summary>
    public static Term<Label> LabelOf(Term<Component> c) =>
        If(c == Lit(Component.Personal), Lit(Label.Personal), If(c == Lit(Component.Work), Lit(Label.Work), Lit(Label.Hypervisor)));

    /// <summary>This state with the ownership state of (c, p) replaced.</summary>
    public State WithPageState(Term<Component> c, Term<Page> p, Term<PageState> value)
    {
        var all = Get(Fields.PageStates);
        return Set(Fields.PageStates, all.With(c, all.At(c).With(p, value)));
    }

    /// <summary>This state with the mapping of (c, p) replaced.</summary>
    public State WithMapped(Term<Component> c, Term<Page> p, Term<bool> value)
    {
        var all = Get(Fields.Mapped);
        return Set(Fields.Mapped, all.With(c, all.At(c).With(p, value)));
    }

    /// <summary>This state with the content of page p replaced.</summary>
    public State WithContent(Term<Page> p, Term<Label> value) => Set(Fields.Content, Get(Fields.Content).With(p, value));

    /// <summary>This state with one entry of a per-device map replaced.</summary>
    public State WithDevice<V>(Field<Map<Device, V>> field, Term<Device> d, Term<V> value) => Set(field, Get(field).With(d, value));
}
