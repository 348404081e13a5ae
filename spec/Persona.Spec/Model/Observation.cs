using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Model;

/// <summary>Which parts of a persona's view a comparison covers.</summary>
/// <param name="SharingState">Include the ownership states (owned, lent, borrowed, and by whom) of the pages the persona can access,
/// and their channel flags: a persona knows what it shared. Wipe scoping leaves this out: ending work's borrow of a personal page changes
/// the sharing, not the personal data.</param>
/// <param name="WorkStatus">Include whether the work persona may run: the user interface shows it on both sides, so it is public.
/// Wipe scoping leaves it out: stopping work is what a wipe does on purpose.</param>
/// <param name="IgnoreChannel">Ignore notification-channel pages (of either state): the declared flow.</param>
public readonly record struct ViewScope(bool SharingState, bool WorkStatus, bool IgnoreChannel)
{
    /// <summary>The full view, for noninterference.</summary>
    public static ViewScope Noninterference => new(true, true, false);

    /// <summary>The full view except channel pages, for the declared flow.</summary>
    public static ViewScope DeclaredChannel => new(true, true, true);

    /// <summary>The persona's data and access, for wipe scoping.</summary>
    public static ViewScope WipeScoping => new(false, false, false);
}

/// <summary>What a persona can observe of the state: the basis of noninterference (unwinding) and of wipe scoping.</summary>
public static class Observation
{
    /// <summary>Whether persona <paramref name="c"/> observes the same in <paramref name="s"/> and <paramref name="t"/>, within <paramref name="scope"/>.</summary>
    public static Term<bool> Same(State s, State t, Term<Component> c, ViewScope scope)
    {
        var parts = new List<Term<bool>>
        {
            ForAll<Page>(p =>
            {
                var same = All(
                    s.CanAccess(c, p) == t.CanAccess(c, p),
                    s.IsMapped(c, p) == t.IsMapped(c, p),
                    s.CanAccess(c, p).Implies(s.Content(p) == t.Content(p)),
                    InQuota(s, c, p) == InQuota(t, c, p));
                if (scope.SharingState)
                {
                    same = same & s.CanAccess(c, p).Implies(All(
                        ForAll<Component>(o => s.PageState(o, p) == t.PageState(o, p)),
                        s.Get(Fields.ChannelPage).At(p) == t.Get(Fields.ChannelPage).At(p)));
                }
                return scope.IgnoreChannel
                    ? (s.Get(Fields.ChannelPage).At(p) | t.Get(Fields.ChannelPage).At(p) | same)
                    : same;
            }),
            ForAll<Device>(d => All(
                s.Holds(c, d) == t.Holds(c, d),
                s.Holds(c, d).Implies(All(
                    s.Get(Fields.DeviceData).At(d) == t.Get(Fields.DeviceData).At(d),
                    s.Get(Fields.DeviceQuiesced).At(d) == t.Get(Fields.DeviceQuiesced).At(d),
                    ForAll<Page>(p => s.Reaches(d, p) == t.Reaches(d, p)))))),
            ForAll<Device>(d => (s.Get(Fields.DeviceKinds).At(d) == t.Get(Fields.DeviceKinds).At(d)) &
                                (s.Get(Fields.DmaCapable).At(d) == t.Get(Fields.DmaCapable).At(d))),
            s.Get(Fields.Foreground) == t.Get(Fields.Foreground),
            s.Get(Fields.Partition).At(c) == t.Get(Fields.Partition).At(c),
            s.Get(Fields.SavedContext).At(c) == t.Get(Fields.SavedContext).At(c),
            (s.Get(Fields.Foreground) == c).Implies(s.Get(Fields.LiveContext) == t.Get(Fields.LiveContext)),
        };
        if (scope.WorkStatus)
        {
            parts.Add(s.Get(Fields.WorkRunnable) == t.Get(Fields.WorkRunnable));

            // IT talks to the work side, and the work persona's storage works only with its key: it sees both.
            parts.Add((c == Lit(Component.Work)).Implies(
                (s.Get(Fields.Wipe) == t.Get(Fields.Wipe)) & (s.Get(Fields.WorkKey) == t.Get(Fields.WorkKey))));
        }
        return All([.. parts]);
    }

    /// <summary>Whether page p is a free page in persona c's quota.</summary>
    public static Term<bool> InQuota(State s, Term<Component> c, Term<Page> p) =>
        (s.PageState(Lit(Component.Hypervisor), p) == Lit(PageState.Owned)) & (s.Get(Fields.PoolOf).At(p) == c);
}
