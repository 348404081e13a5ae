using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Tests.RuleCases;
using static Persona.Spec.Tests.TinyWorld;

namespace Persona.Spec.Tests;

/// <summary>Every part of a persona's view (the basis of the NI and WIPE-6 proofs) is seen by that persona and hidden from the other,
/// so a view narrowed by mistake (a part dropped, a part read for the wrong persona), which makes those proofs prove less, is caught.</summary>
public sealed class ObservationCaseTests
{
    private static readonly World Tiny = TestWorlds.Small();
    private static readonly ConcreteState Boot = new ConcreteSpec(SpecModel.Default, Tiny).InitialState();

    /// <summary>One edit of the boot state, and which (observer, scope) pairs must see it.</summary>
    private sealed record ViewCase(string What, Func<ConcreteState, ConcreteState> Edit, bool Personal, bool Work, bool InWipeScope);

    private static readonly ViewCase[] Cases =
    [
        new("a personal page's content", s => s.WithContent(PersonalPage, Label.Zero), Personal: true, Work: false, InWipeScope: true),
        new("a work page's content", s => s.WithContent(WorkPage, Label.Zero), Personal: false, Work: true, InWipeScope: false),
        new("personal losing a page", s => s.WithPageState(Component.Personal, PersonalPage2, PageState.None), Personal: true, Work: false, InWipeScope: true),
        new("work's mapping of its page", s => s.WithMapped(Component.Work, WorkPage2, false), Personal: false, Work: true, InWipeScope: false),
        new("a page entering the personal quota", s => s.WithEntry(Fields.PoolOf, HypervisorPage, Component.Personal), Personal: true, Work: false, InWipeScope: true),
        new("a page entering the work quota", s => s.WithEntry(Fields.PoolOf, HypervisorPage, Component.Work), Personal: false, Work: true, InWipeScope: false),
        new("personal lending its page to the hypervisor", s => Lend(s, Component.Personal, Component.Hypervisor, PersonalPage3), Personal: true, Work: false, InWipeScope: false),
        new("a channel flag on a work page", s => s.WithEntry(Fields.ChannelPage, WorkPage3, true), Personal: false, Work: true, InWipeScope: false),
        new("the display's (personal's) state", s => s.WithEntry(Fields.DeviceData, Display, Label.Personal), Personal: true, Work: false, InWipeScope: true),
        new("the camera's (work's) quiescence", s => s.WithEntry(Fields.DeviceQuiesced, Camera, false), Personal: false, Work: true, InWipeScope: false),
        new("the camera's (work's) DMA reach", s => s.WithReach(Camera, WorkPage, true), Personal: false, Work: true, InWipeScope: false),
        new("the display's DMA reach", s => s.WithReach(Display, PersonalPage, true), Personal: true, Work: false, InWipeScope: true),
        new("the camera changing hands", s => s.WithEntry(Fields.DeviceOwner, Camera, Component.Personal), Personal: true, Work: true, InWipeScope: true),
        new("a device's kind", s => s.WithEntry(Fields.DeviceKinds, Modem, DeviceKind.Exclusive), Personal: true, Work: true, InWipeScope: true),
        new("a device's DMA capability", s => s.WithEntry(Fields.DmaCapable, Modem, false), Personal: true, Work: true, InWipeScope: true),
        new("the foreground", s => s.WithField(Fields.Foreground, Component.Work), Personal: true, Work: true, InWipeScope: true),
        new("the personal partition", s => s.WithEntry(Fields.Partition, Component.Personal, Label.Zero), Personal: true, Work: false, InWipeScope: true),
        new("the work partition", s => s.WithEntry(Fields.Partition, Component.Work, Label.Zero), Personal: false, Work: true, InWipeScope: false),
        new("personal's saved context", s => s.WithEntry(Fields.SavedContext, Component.Personal, Label.Personal), Personal: true, Work: false, InWipeScope: true),
        new("work's saved context", s => s.WithEntry(Fields.SavedContext, Component.Work, Label.Work), Personal: false, Work: true, InWipeScope: false),
        new("the live registers (personal in the foreground)", s => s.WithField(Fields.LiveContext, Label.Personal), Personal: true, Work: false, InWipeScope: true),
        new("whether work may run", s => s.WithField(Fields.WorkRunnable, false), Personal: true, Work: true, InWipeScope: false),
        new("the wipe's phase", s => s.WithField(Fields.Wipe, WipePhase.InProgress), Personal: false, Work: true, InWipeScope: false),
        new("the work key", s => s.WithField(Fields.WorkKey, KeyState.Destroyed), Personal: false, Work: true, InWipeScope: false),
        new("the hypervisor's page content", s => s.WithContent(HypervisorPage, Label.Work), Personal: false, Work: false, InWipeScope: false),
    ];

    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.What)];

    [Fact]
    public void BootState_LooksTheSameToItself_ForEveryObserverAndScope()
    {
        foreach (var observer in new[] { Component.Personal, Component.Work })
        {
            foreach (var scope in new[] { ViewScope.Noninterference, ViewScope.DeclaredChannel, ViewScope.WipeScoping })
                Assert.True(Same(Boot, Boot, observer, scope), $"{observer} tells the boot state from itself under {scope}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EachPartOfTheView_IsSeenByItsPersona_AndHiddenFromTheOther(string what)
    {
        var c = Cases.Single(x => x.What == what);
        var edited = c.Edit(Boot);
        Assert.True(c.Personal == !Same(Boot, edited, Component.Personal, ViewScope.Noninterference),
            $"the personal persona {(c.Personal ? "does not see" : "sees")} {what}");
        Assert.True(c.Work == !Same(Boot, edited, Component.Work, ViewScope.Noninterference),
            $"the work persona {(c.Work ? "does not see" : "sees")} {what}");
        Assert.True(c.InWipeScope == !Same(Boot, edited, Component.Personal, ViewScope.WipeScoping),
            $"wipe scoping {(c.InWipeScope ? "misses" : "counts")} {what} as personal");
        // Relational terms are read both ways round: the view must not depend on which state is called s.
        Assert.Equal(Same(Boot, edited, Component.Personal, ViewScope.Noninterference), Same(edited, Boot, Component.Personal, ViewScope.Noninterference));
    }

    [Fact]
    public void LiveRegisters_AreHiddenFromThePersonaInTheBackground()
    {
        var workInFront = Boot.WithField(Fields.Foreground, Component.Work);
        var edited = workInFront.WithField(Fields.LiveContext, Label.Work);
        Assert.True(Same(workInFront, edited, Component.Personal, ViewScope.Noninterference));
        Assert.False(Same(workInFront, edited, Component.Work, ViewScope.Noninterference));
    }

    [Fact]
    public void ChannelPages_AreIgnoredOnlyUnderTheDeclaredChannelScope()
    {
        var channel = Lend(Boot, Component.Personal, Component.Work, PersonalPage).WithEntry(Fields.ChannelPage, PersonalPage, true);
        var posted = channel.WithContent(PersonalPage, Label.Notification);
        Assert.False(Same(channel, posted, Component.Work, ViewScope.Noninterference));
        Assert.True(Same(channel, posted, Component.Work, ViewScope.DeclaredChannel));
        // The declared scope ignores channel pages only: the same edit on an ordinary page stays visible.
        Assert.False(Same(Boot, Boot.WithContent(PersonalPage, Label.Notification), Component.Personal, ViewScope.DeclaredChannel));
    }

    private static bool Same(ConcreteState s, ConcreteState t, Component observer, ViewScope scope)
    {
        var term = Observation.Same(State.Named("s"), State.Named("t"), Spec.Terms.Spec.Lit(observer), scope);
        return new Evaluator(Tiny, new Dictionary<string, ConcreteState> { ["s"] = s, ["t"] = t }).IsTrue(term);
    }
}
