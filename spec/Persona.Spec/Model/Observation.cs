using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Model;

/// <summary>What a persona can observe of the state: the basis of noninterference (unwinding) and of wipe scoping.</summary>
public static class Observation
{
    /// <summary>Whether persona <paramref name="c"/> observes the same in <paramref name="s"/> and <paramref name="t"/>.</summary>
    /// <param name="s">One state.</param>
    /// <param name="t">The other state.</param>
    /// <param name="c">The observing persona.</param>
    /// <param name="includeWorkStatus">Whether the work persona's public availability (runnable, wipe phase) is part of the view;
    /// the user interface shows it, so noninterference includes it, and wipe scoping excludes it (it is what a wipe changes on purpose).</param>
    /// <param name="ignoreChannel">Whether to ignore notification-channel pages (of either state): the declared flow.</param>
    public static Term<bool> Same(State s, State t, Term<Component> c, bool includeWorkStatus, bool ignoreChannel)
    {
        var parts = new List<Term<bool>>
        {
            ForAll<Page>(p =>
            {
                var same = All(
                    s.CanAccess(c, p) == t.CanAccess(c, p),
                    s.IsMapped(c, p) == t.IsMapped(c, p),
                    s.CanAccess(c, p).Implies(s.Content(p) == t.Content(p)));
                return ignoreChannel
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
        if (includeWorkStatus)
        {
            parts.Add(s.Get(Fields.WorkRunnable) == t.Get(Fields.WorkRunnable));
            parts.Add(s.Get(Fields.Wipe) == t.Get(Fields.Wipe));
            parts.Add(s.Get(Fields.WorkKey) == t.Get(Fields.WorkKey));
        }
        return All([.. parts]);
    }
}
