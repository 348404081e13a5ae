using Persona.Spec;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Platforms;

namespace Persona.Spec.Tests;

public class ConcreteSpecTests
{
    private static readonly Platform Handset = DefaultPlatform.Load();

    internal static World SmallWorld() => TestWorlds.Small();

    [Fact]
    public void DefaultPlatform_InitialState_SatisfiesEveryRule()
    {
        var spec = new ConcreteSpec(SpecModel.Default, PlatformWorld.Of(Handset));
        var broken = spec.BrokenRules(spec.InitialState());
        Assert.Empty(broken);
    }

    [Fact]
    public void Share_PersonalToWork_OpensAScrubbedChannelPage()
    {
        var spec = new ConcreteSpec(SpecModel.Default, SmallWorld());
        var s0 = spec.InitialState();
        var (s1, ok) = spec.Apply(PageOperations.Share, s0, Args(("from", Component.Personal), ("to", Component.Work), ("p", TestWorlds.PersonalPage)));
        Assert.True(ok);
        Assert.Empty(spec.BrokenRules(s1));
        var pages = (MapValue)s1[Fields.PageStates.Name];
        Assert.Equal((int)PageState.SharedOwned, ((MapValue)pages.Get((int)Component.Personal)).Get(TestWorlds.PersonalPage));
        Assert.Equal((int)PageState.SharedBorrowed, ((MapValue)pages.Get((int)Component.Work)).Get(TestWorlds.PersonalPage));
        Assert.Equal((int)Label.Zero, ((MapValue)s1[Fields.Content.Name]).Get(TestWorlds.PersonalPage));
    }

    [Fact]
    public void Share_OfAPageTheSenderDoesNotOwn_FailsAndChangesNothing()
    {
        var spec = new ConcreteSpec(SpecModel.Default, SmallWorld());
        var s0 = spec.InitialState();
        var (s1, ok) = spec.Apply(PageOperations.Share, s0, Args(("from", Component.Personal), ("to", Component.Work), ("p", TestWorlds.WorkPage)));
        Assert.False(ok);
        Assert.Same(s0, s1);
    }

    [Fact]
    public void OrderWipe_ByThePersonalUser_IsRefused()
    {
        var spec = new ConcreteSpec(SpecModel.Default, SmallWorld());
        var (_, ok) = spec.Apply(WipeOperations.Order, spec.InitialState(), Args(("issuer", Authority.PersonalUser)));
        Assert.False(ok);
    }

    internal static Dictionary<string, object> Args(params (string Name, object Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value is Enum e ? Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) : a.Value);
}
