using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The pages a full rule check must visit: one untouched representative of each class of pages that agreed on every
/// page-indexed field at boot, plus every page touched since.</summary>
/// <remarks>Sound because every rule is page-local (<see cref="RuleFootprint.ReadsPageAtBoundVariableOnly"/>): the body of its
/// ∀page reads page-indexed fields only at the bound page, so two pages with equal page-indexed values give the body the same
/// truth value in any state. Untouched pages keep their boot values, so a class's untouched members stay equal to each other.
/// Classes are built from runs of pages the caller knows to be alike in the state (<see cref="FrameRuns"/>), one read per run.</remarks>
public sealed class PageClasses
{
    private readonly List<Members> classes = [];
    private readonly HashSet<long> touched = [];

    /// <summary>Groups the pages by their values of every page-indexed field in the state, reading each page.</summary>
    public PageClasses(IReadOnlyList<long> pages, ConcreteState state, int deviceCount)
        : this([.. pages.Select(p => new FrameRun(p, 1))], state, deviceCount)
    {
    }

    /// <summary>Groups runs of pages by their values of every page-indexed field, read at each run's first page: every page of a run
    /// must have the same page-indexed values in the state.</summary>
    public PageClasses(IReadOnlyList<FrameRun> runs, ConcreteState state, int deviceCount)
    {
        if (deviceCount > MaxDevices)
            throw new ArgumentOutOfRangeException(nameof(deviceCount), deviceCount, $"page classes pack at most {MaxDevices} devices' DMA reach");
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
        var index = new Dictionary<ulong, int>();
        foreach (var run in runs)
        {
            object page = run.First;
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
                classes.Add(new Members());
            }
            classes[c].Runs.Add(run);
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
            if (members.FirstUntouched(touched) is { } page)
                result.Add(page);
        }
        return result;
    }

    /// <summary>A class's runs, with a cursor on its first page not yet touched (pages are never untouched, so it only moves forward).</summary>
    private sealed class Members
    {
        private int run;
        private long offset;

        public List<FrameRun> Runs { get; } = [];

        public long? FirstUntouched(HashSet<long> touched)
        {
            while (run < Runs.Count)
            {
                var r = Runs[run];
                while (offset < r.Count)
                {
                    if (!touched.Contains(r.First + offset))
                        return r.First + offset;
                    offset++;
                }
                run++;
                offset = 0;
            }
            return null;
        }
    }
}
