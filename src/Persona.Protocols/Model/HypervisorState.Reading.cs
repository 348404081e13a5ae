using Persona.Spec.Concrete;

namespace Persona.Protocols.Model;

/// <summary>Typed reads of the committed spec state.</summary>
public sealed partial class HypervisorState
{
    private static object At(object map, object key) => ((MapValue)map).Get(key);

    /// <summary>A component's ownership state of a page.</summary>
    public PageState PageState(Component c, long page) => (PageState)(int)At(At(Committed[Fields.PageStates.Name], (int)c), page);

    /// <summary>Whether a page is mapped in a component's committed stage-2 tables.</summary>
    public bool IsMapped(Component c, long page) => (bool)At(At(Committed[Fields.Mapped.Name], (int)c), page);

    /// <summary>Whose data a page holds.</summary>
    public Label Content(long page) => (Label)(int)At(Committed[Fields.Content.Name], page);

    /// <summary>Whether a device is assigned.</summary>
    public bool Assigned(long device) => (bool)At(Committed[Fields.DeviceAssigned.Name], device);

    /// <summary>The device's owner (meaningful while assigned).</summary>
    public Component Owner(long device) => (Component)(int)At(Committed[Fields.DeviceOwner.Name], device);

    /// <summary>Whether a component holds a device.</summary>
    public bool Holds(Component c, long device) => Assigned(device) && Owner(device) == c;

    /// <summary>The foreground persona.</summary>
    public Component Foreground => (Component)(int)Committed[Fields.Foreground.Name];

    /// <summary>Whether the committed state lets the work vCPUs run.</summary>
    public bool WorkRunnable => (bool)Committed[Fields.WorkRunnable.Name];

    /// <summary>The wipe's phase.</summary>
    public WipePhase Wipe => (WipePhase)(int)Committed[Fields.Wipe.Name];

    /// <summary>Whether the work key still exists.</summary>
    public bool KeyPresent => (KeyState)(int)Committed[Fields.WorkKey.Name] == KeyState.Present;

    /// <summary>A component's storage partition label.</summary>
    public Label Partition(Component c) => (Label)(int)At(Committed[Fields.Partition.Name], (int)c);

    /// <summary>The pages <paramref name="c"/> can access (any non-None ownership state).</summary>
    public IEnumerable<long> AccessiblePages(Component c) => ProtocolWorld.Pages.Where(p => PageState(c, p) != global::Persona.Spec.Model.PageState.None);
}
