using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Memory;

/// <summary>The hypervisor's per-page metadata (pKVM's vmemmap): each component's state of each frame, its pool, and channel pages.</summary>
public sealed class PageOwnership
{
    private readonly PageState[][] states;
    private readonly Component[] poolOf;
    private readonly bool[] channel;

    /// <summary>The boot ownership of a platform's RAM, from its regions.</summary>
    public PageOwnership(Platform platform)
    {
        FirstFrame = (long)(platform.Ram.Base / Platform.PageSize);
        var count = (int)platform.PageCount;
        states = [new PageState[count], new PageState[count], new PageState[count]];
        poolOf = new Component[count];
        channel = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var region = platform.RegionOfFrame(FirstFrame + i);
            var owner = region switch
            {
                RegionKind.Personal => Component.Personal,
                RegionKind.Work => Component.Work,
                RegionKind.Unassigned => (Component?)null,
                _ => Component.Hypervisor,
            };
            if (owner is { } o)
                states[(int)o][i] = PageState.Owned;
            poolOf[i] = region switch
            {
                RegionKind.PersonalPool => Component.Personal,
                RegionKind.WorkPool => Component.Work,
                _ => Component.Hypervisor,
            };
        }
    }

    /// <summary>The frame number of the first page of RAM.</summary>
    public long FirstFrame { get; }

    /// <summary>The number of frames.</summary>
    public int Count => poolOf.Length;

    /// <summary>Whether a frame is RAM this table covers.</summary>
    public bool Covers(long frame) => frame >= FirstFrame && frame - FirstFrame < Count;

    /// <summary>A component's state of a frame.</summary>
    public PageState StateOf(Component c, long frame) => states[(int)c][frame - FirstFrame];

    /// <summary>Sets a component's state of a frame.</summary>
    public void SetState(Component c, long frame, PageState state) => states[(int)c][frame - FirstFrame] = state;

    /// <summary>Whose quota a hypervisor-held frame counts against.</summary>
    public Component PoolOf(long frame) => poolOf[frame - FirstFrame];

    /// <summary>Sets whose quota a frame counts against.</summary>
    public void SetPool(long frame, Component c) => poolOf[frame - FirstFrame] = c;

    /// <summary>Whether a frame is a notification-channel page.</summary>
    public bool IsChannel(long frame) => channel[frame - FirstFrame];

    /// <summary>Every frame's state for one component, indexed from <see cref="FirstFrame"/> (for the validator's scan by runs).</summary>
    public ReadOnlySpan<PageState> States(Component c) => states[(int)c];

    /// <summary>Every frame's quota owner, indexed from <see cref="FirstFrame"/>.</summary>
    public ReadOnlySpan<Component> Pools => poolOf;

    /// <summary>Every frame's channel flag, indexed from <see cref="FirstFrame"/>.</summary>
    public ReadOnlySpan<bool> Channels => channel;

    /// <summary>Marks or clears a channel page.</summary>
    public void SetChannel(long frame, bool value) => channel[frame - FirstFrame] = value;
}
