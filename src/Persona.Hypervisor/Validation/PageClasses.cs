using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The pages a full rule check must visit: one untouched representative of each class of pages that agreed on every
/// page-indexed field at boot, plus every page touched since.</summary>
/// <remarks>Sound because every rule is page-local (<see cref="RuleFootprint.ReadsPageAtBoundVariableOnly"/>): the body of its
/// ∀page reads page-indexed fields only at the bound page, so two pages with equal page-indexed values give the body the same
/// truth value in any state. Untouched pages keep their boot values, so a class's untouched members stay equal to each other.</remarks>
public sealed class PageClasses
{
    private readonly List<Queue<long>> classes = [];
    private readonly Dictionary<long, int> classOf = [];
    private readonly HashSet<long> touched = [];

    /// <summary>Groups the pages by their values of every page-indexed field in the state.</summary>
    public PageClasses(IReadOnlyList<long> pages, ConcreteState state, int deviceCount)
    {
        var pageStates = (MapValue)state[Fields.PageStates.Name];
        var mapped = (MapValue)state[Fields.Mapped.Name];
        var content = (MapValue)state[Fields.Content.Name];
        var poolOf = (MapValue)state[Fields.PoolOf.Name];
        var channel = (MapValue)state[Fields.ChannelPage.Name];
        var reach = (MapValue)state[Fields.DmaReach.Name];
        var components = Enum.GetValues<Component>();
        var perComponentStates = components.Select(c => (MapValue)pageStates.Get((int)c)).ToArray();
        var perComponentMapped = components.Select(c => (MapValue)mapped.Get((int)c)).ToArray();
        var perDeviceReach = Enumerable.Range(0, deviceCount).Select(d => (MapValue)reach.Get((long)d)).ToArray();
        if (deviceCount > MaxDevices)
            throw new ArgumentOutOfRangeException(nameof(deviceCount), deviceCount, $"page classes pack at most {MaxDevices} devices' DMA reach");
        var index = new Dictionary<ulong, int>();
        foreach (var page in pages)
        {
            // Pack every page-indexed value into one key: 4 bits per enum value, 1 bit per Boolean.
            ulong key = 0;
            foreach (var m in perComponentStates) key = (key << 4) | (uint)(int)m.Get(page);
            foreach (var m in perComponentMapped) key = (key << 1) | ((bool)m.Get(page) ? 1UL : 0);
            key = (key << 4) | (uint)(int)content.Get(page);
            key = (key << 4) | (uint)(int)poolOf.Get(page);
            key = (key << 1) | ((bool)channel.Get(page) ? 1UL : 0);
            foreach (var m in perDeviceReach) key = (key << 1) | ((bool)m.Get(page) ? 1UL : 0);
            if (!index.TryGetValue(key, out var c))
            {
                index[key] = c = classes.Count;
                classes.Add(new Queue<long>());
            }
            classes[c].Enqueue(page);
            classOf[page] = c;
        }
    }

    /// <summary>The most devices whose DMA reach fits in a page's packed key (64 bits less the 34 the other fields take).</summary>
    public const int MaxDevices = 30;

    /// <summary>How many classes the boot state had.</summary>
    public int ClassCount => classes.Count;

    /// <summary>Records pages a step touched: they are checked individually from now on.</summary>
    public void Touch(IEnumerable<long> pages) => touched.UnionWith(pages);

    /// <summary>The pages a full check visits: an untouched representative per class, and every touched page.</summary>
    public List<long> Representatives()
    {
        var result = new List<long>(touched);
        foreach (var members in classes)
        {
            while (members.Count > 0 && touched.Contains(members.Peek()))
                members.Dequeue();
            if (members.Count > 0)
                result.Add(members.Peek());
        }
        return result;
    }
}
