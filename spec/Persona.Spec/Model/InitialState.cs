using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Model;

/// <summary>The boot state of the hypervisor, defined once from the platform's functions (memory regions, device table).</summary>
/// <remarks>Proofs leave the platform functions uninterpreted (constrained by a platform's facts); a concrete run supplies them.</remarks>
public static class InitialState
{
    /// <summary>The platform function giving the region kind of a page.</summary>
    public const string RegionOf = "regionOf";

    /// <summary>The platform function giving a device's ownership kind.</summary>
    public const string KindOf = "kindOf";

    /// <summary>The platform function telling whether a device is a DMA master.</summary>
    public const string IsDmaMaster = "isDmaMaster";

    /// <summary>The platform function telling whether a device is assigned at boot.</summary>
    public const string AssignedAtBoot = "assignedAtBoot";

    /// <summary>The platform function giving a device's owner at boot.</summary>
    public const string OwnerAtBoot = "ownerAtBoot";

    /// <summary>The boot state.</summary>
    public static State Define()
    {
        var s = State.Named("init");
        Term<RegionKind> Region(Term<Page> p) => Platform<Page, RegionKind>(RegionOf, p);
        Term<Map<Page, PageState>> OwnedWhere(params RegionKind[] kinds) =>
            MapOf<Page, PageState>(p => If(Region(p).IsOneOf(kinds), Lit(PageState.Owned), Lit(PageState.None)));
        Term<Map<Page, bool>> MappedWhere(params RegionKind[] kinds) => MapOf<Page, bool>(p => Region(p).IsOneOf(kinds));
        Term<Map<Component, V>> PerComponent<V>(Term<V> personal, Term<V> work, Term<V> hypervisor) =>
            MapOf<Component, V>(c => If(c == Lit(Component.Personal), personal, If(c == Lit(Component.Work), work, hypervisor)));

        var noPages = MapOf<Page, bool>(_ => false);
        return s
            .Set(Fields.PageStates, PerComponent(
                OwnedWhere(RegionKind.Personal), OwnedWhere(RegionKind.Work),
                OwnedWhere(RegionKind.Hypervisor, RegionKind.PersonalPool, RegionKind.WorkPool, RegionKind.KeyStore)))
            .Set(Fields.Mapped, PerComponent(MappedWhere(RegionKind.Personal), MappedWhere(RegionKind.Work), noPages))
            .Set(Fields.Content, MapOf<Page, Label>(p => If(Region(p) == Lit(RegionKind.Personal), Lit(Label.Personal),
                If(Region(p) == Lit(RegionKind.Work), Lit(Label.Work),
                If(Region(p) == Lit(RegionKind.Hypervisor), Lit(Label.Hypervisor),
                If(Region(p) == Lit(RegionKind.KeyStore), Lit(Label.WorkKey), Lit(Label.Zero)))))))
            .Set(Fields.PoolOf, MapOf<Page, Component>(p => If(Region(p) == Lit(RegionKind.PersonalPool), Lit(Component.Personal),
                If(Region(p) == Lit(RegionKind.WorkPool), Lit(Component.Work), Lit(Component.Hypervisor)))))
            .Set(Fields.ChannelPage, noPages)
            .Set(Fields.DeviceKinds, MapOf<Device, DeviceKind>(d => Platform<Device, DeviceKind>(KindOf, d)))
            .Set(Fields.DmaCapable, MapOf<Device, bool>(d => Platform<Device, bool>(IsDmaMaster, d)))
            .Set(Fields.DeviceAssigned, MapOf<Device, bool>(d => Platform<Device, bool>(AssignedAtBoot, d)))
            .Set(Fields.DeviceOwner, MapOf<Device, Component>(d => Platform<Device, Component>(OwnerAtBoot, d)))
            .Set(Fields.DeviceQuiesced, MapOf<Device, bool>(_ => true))
            .Set(Fields.DeviceData, MapOf<Device, Label>(_ => Lit(Label.Zero)))
            .Set(Fields.DmaReach, MapOf<Device, Map<Page, bool>>(_ => noPages))
            .Set(Fields.Foreground, Lit(Component.Personal))
            .Set(Fields.LiveContext, Lit(Label.Zero))
            .Set(Fields.SavedContext, MapOf<Component, Label>(_ => Lit(Label.Zero)))
            .Set(Fields.Partition, PerComponent(Lit(Label.Personal), Lit(Label.Work), Lit(Label.Zero)))
            .Set(Fields.WorkKey, Lit(KeyState.Present))
            .Set(Fields.Wipe, Lit(WipePhase.Idle))
            .Set(Fields.WipeIssuer, Lit(Authority.Nobody))
            .Set(Fields.WorkRunnable, true);
    }
}
