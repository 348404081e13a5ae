using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Rules;
using static Persona.Spec.Tests.TinyWorld;

namespace Persona.Spec.Tests;

/// <summary>A full remote wipe on the tiny world, from a busy state with every kind of work resource in use.</summary>
public partial class OperationTests
{
    [Fact]
    public void RemoteWipe_FromABusyState_RemovesAllOfWorkAndLeavesPersonalUntouched()
    {
        var driver = new SpecDriver();
        BusyBothPersonas(driver);
        var beforeWipe = driver.State;

        driver.Refuse(WipeOperations.Order, ("issuer", Authority.PersonalUser));
        driver.Refuse(WipeOperations.Order, ("issuer", Authority.WorkGuest));
        driver.Do(WipeOperations.Order, ("issuer", Authority.WorkManagement));

        // Work is in the foreground holding the display: it must go to the background before it can be stopped.
        driver.Refuse(WipeOperations.StopWork);
        driver.Refuse(SwitchOperations.SwitchTo, ("to", Component.Personal));
        driver.Do(DeviceOperations.Quiesce, ("d", Display));
        driver.Do(DeviceOperations.Release, ("d", Display));
        driver.Do(SwitchOperations.SwitchTo, ("to", Component.Personal));
        driver.Do(DeviceOperations.Grant, ("d", Display), ("who", Component.Personal));
        driver.Refuse(WipeOperations.ScrubPage, ("p", WorkPage3));
        driver.Do(WipeOperations.StopWork);
        Assert.False(driver.State.WorkRunnable());

        driver.Refuse(WipeOperations.RevokeDevice, ("d", Camera));
        driver.Do(DeviceOperations.Quiesce, ("d", Camera));
        driver.Do(WipeOperations.RevokeDevice, ("d", Camera));
        driver.Refuse(WipeOperations.RevokeDevice, ("d", Display));

        var owned = Pages.Where(p => driver.State.PageStateOf(Component.Work, p) is PageState.Owned or PageState.SharedOwned).ToList();
        Assert.Equal([WorkPoolPage, WorkPage, WorkPage2, WorkPage3], owned);
        driver.Refuse(WipeOperations.DestroyKey);
        foreach (var p in owned) driver.Do(WipeOperations.ScrubPage, ("p", p));
        var borrowed = Pages.Where(p => driver.State.PageStateOf(Component.Work, p) == PageState.SharedBorrowed).ToList();
        Assert.Equal([PersonalPage], borrowed);
        foreach (var p in borrowed) driver.Do(WipeOperations.ReturnBorrowed, ("p", p));

        driver.Refuse(WipeOperations.Complete);
        driver.Do(WipeOperations.DestroyKey);
        driver.Do(WipeOperations.Complete);

        var after = driver.State;
        Assert.Equal(WipePhase.Complete, after.Wipe());
        Assert.True(driver.Spec.Holds(WipeRules.CompletedWipeLeavesNothing, after));
        Assert.DoesNotContain(Pages, p => after.ContentOf(p) == Label.Work);
        Assert.DoesNotContain(Pages, p => after.ContentOf(p) == Label.WorkKey);
        Assert.Equal(beforeWipe.PartitionOf(Component.Personal), after.PartitionOf(Component.Personal));
        Assert.Equal(Label.Personal, after.PartitionOf(Component.Personal));
        AssertPersonalPagesUnchanged(beforeWipe, after, returnedChannelPage: PersonalPage);
        driver.Refuse(PageOperations.Reclaim, ("to", Component.Work), ("p", WorkPoolPage));
        driver.Refuse(SwitchOperations.SwitchTo, ("to", Component.Work));
    }

    /// <summary>Both personas hold pages, a channel page, a lent page, devices with DMA, partitions and CPU state; work is in the foreground.</summary>
    private static void BusyBothPersonas(SpecDriver driver)
    {
        driver.Do(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage));
        driver.Do(PageOperations.PostNotification, ("who", Component.Personal), ("p", PersonalPage));
        driver.Do(PageOperations.Share, ("from", Component.Work), ("to", Component.Hypervisor), ("p", WorkPage2));
        driver.Do(PageOperations.Reclaim, ("to", Component.Work), ("p", WorkPoolPage));
        driver.Do(PageOperations.WritePage, ("who", Component.Work), ("p", WorkPoolPage));
        driver.Do(PageOperations.Reclaim, ("to", Component.Personal), ("p", PersonalPoolPage));
        driver.Do(PageOperations.WritePage, ("who", Component.Personal), ("p", PersonalPoolPage));
        driver.Do(PageOperations.WritePage, ("who", Component.Personal), ("p", PersonalPage2));
        driver.Do(DeviceOperations.Use, ("who", Component.Work), ("d", Camera));
        driver.Do(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPage));
        driver.Do(DeviceOperations.DmaTransfer, ("d", Camera), ("p", WorkPage));
        driver.Do(DeviceOperations.WritePartition, ("who", Component.Personal));
        driver.Do(SwitchOperations.Compute, ("who", Component.Personal));
        driver.Do(DeviceOperations.Release, ("d", Display));
        driver.Do(SwitchOperations.SwitchTo, ("to", Component.Work));
        driver.Do(DeviceOperations.Grant, ("d", Display), ("who", Component.Work));
        driver.Do(DeviceOperations.Use, ("who", Component.Work), ("d", Display));
        driver.Do(SwitchOperations.Compute, ("who", Component.Work));
        driver.Do(DeviceOperations.WritePartition, ("who", Component.Work));
    }

    private static void AssertPersonalPagesUnchanged(ConcreteState before, ConcreteState after, long returnedChannelPage)
    {
        foreach (var p in Pages)
        {
            var expected = before.PageStateOf(Component.Personal, p);
            if (p == returnedChannelPage)
            {
                // The lent channel page comes back to its lender: still personal's, no longer lent, content untouched.
                Assert.Equal(PageState.SharedOwned, expected);
                expected = PageState.Owned;
            }
            Assert.True(expected == after.PageStateOf(Component.Personal, p), $"personal's state of page 0x{p:x} changed");
            Assert.True(before.IsMapped(Component.Personal, p) == after.IsMapped(Component.Personal, p), $"personal's mapping of page 0x{p:x} changed");
            if (expected != PageState.None)
                Assert.True(before.ContentOf(p) == after.ContentOf(p), $"personal page 0x{p:x} changed from {before.ContentOf(p)} to {after.ContentOf(p)}");
        }
    }
}
