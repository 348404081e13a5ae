using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using static Persona.Spec.Tests.TinyWorld;

namespace Persona.Spec.Tests;

/// <summary>The pKVM self-test style walk: one page through share, a refused second share, unshare, donate and reclaim.</summary>
public partial class OperationTests
{
    [Fact]
    public void OnePage_ThroughShareUnshareDonateReclaim_HasTheExpectedStateForEveryComponentAfterEveryCall()
    {
        var driver = new SpecDriver();
        const long p = PersonalPage2;
        ExpectPage(driver.State, p, personal: (PageState.Owned, true), work: (PageState.None, false), hypervisor: (PageState.None, false), Label.Personal);

        driver.Do(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", p));
        ExpectPage(driver.State, p, personal: (PageState.SharedOwned, true), work: (PageState.SharedBorrowed, true), hypervisor: (PageState.None, false), Label.Zero);
        Assert.True(driver.State.IsChannel(p));

        driver.Refuse(PageOperations.Share, ("from", Component.Personal), ("to", Component.Hypervisor), ("p", p));
        driver.Refuse(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", p));
        driver.Refuse(PageOperations.Donate, ("from", Component.Personal), ("p", p));

        driver.Do(PageOperations.PostNotification, ("who", Component.Work), ("p", p));
        ExpectPage(driver.State, p, personal: (PageState.SharedOwned, true), work: (PageState.SharedBorrowed, true), hypervisor: (PageState.None, false), Label.Notification);

        driver.Do(PageOperations.Unshare, ("from", Component.Personal), ("to", Component.Work), ("p", p));
        ExpectPage(driver.State, p, personal: (PageState.Owned, true), work: (PageState.None, false), hypervisor: (PageState.None, false), Label.Zero);
        Assert.False(driver.State.IsChannel(p));
        driver.Refuse(PageOperations.Unshare, ("from", Component.Personal), ("to", Component.Work), ("p", p));

        driver.Do(PageOperations.WritePage, ("who", Component.Personal), ("p", p));
        driver.Do(PageOperations.Donate, ("from", Component.Personal), ("p", p));
        ExpectPage(driver.State, p, personal: (PageState.None, false), work: (PageState.None, false), hypervisor: (PageState.Owned, false), Label.Zero);
        driver.Refuse(PageOperations.Donate, ("from", Component.Personal), ("p", p));

        // A donated page waits in its donor's quota: only the donor reclaims it.
        Assert.Equal(Component.Personal, driver.State.PoolOf(p));
        driver.Refuse(PageOperations.Reclaim, ("to", Component.Work), ("p", p));
        driver.Do(PageOperations.Reclaim, ("to", Component.Personal), ("p", p));
        ExpectPage(driver.State, p, personal: (PageState.Owned, true), work: (PageState.None, false), hypervisor: (PageState.None, false), Label.Zero);
        driver.Refuse(PageOperations.Reclaim, ("to", Component.Personal), ("p", p));
    }

    private static void ExpectPage(ConcreteState s, long page, (PageState State, bool Mapped) personal, (PageState State, bool Mapped) work,
        (PageState State, bool Mapped) hypervisor, Label content)
    {
        foreach (var (c, expected) in new[] { (Component.Personal, personal), (Component.Work, work), (Component.Hypervisor, hypervisor) })
        {
            Assert.True(expected.State == s.PageStateOf(c, page), $"{c}: expected {expected.State}, found {s.PageStateOf(c, page)}");
            Assert.True(expected.Mapped == s.IsMapped(c, page), $"{c}: expected mapped={expected.Mapped}");
        }
        Assert.Equal(content, s.ContentOf(page));
    }
}
