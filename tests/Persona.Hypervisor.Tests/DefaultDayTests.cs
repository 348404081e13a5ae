using System.Text;
using Persona.Arm.Platform;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The default day, validated trap by trap: timer ticks and device interrupts through the list registers, storage on
/// per-persona partitions (the work one encrypted), calls to the background persona, the camera hand-off.</summary>
public sealed class DefaultDayTests(DefaultDayFixture day, ITestOutputHelper output) : IClassFixture<DefaultDayFixture>
{
    private const string WorkRecord = "work memo: Q3 forecast CONFIDENTIAL, merger with Initech";
    private const string PersonalRecord = "personal diary: lunch with Ana at noon, buy flowers";

    private void Show()
    {
        output.WriteLine(day.Stop.ToString());
        output.WriteLine(day.Uart(Component.Personal));
        output.WriteLine(day.Uart(Component.Work));
        foreach (var line in day.Hypervisor.Log)
            output.WriteLine(line);
        output.WriteLine(day.Validator?.FirstViolation?.ToString() ?? "no violation");
    }

    [Fact]
    public void DayRunsValidatedToPowerOff()
    {
        Show();
        Assert.Null(day.Validator!.FirstViolation);
        Assert.Equal(MachineStopReason.SystemOff, day.Stop.Reason);
        Assert.Equal(day.Hypervisor.TrapCount, day.Validator.Checked);
        Assert.Equal(0, day.Hypervisor.PendingEvents);
    }

    [Fact]
    public void TimerTicksReachEachPersonaThroughTheListRegisters()
    {
        foreach (var persona in HypervisorLayout.Personas)
        {
            var timer = day.Hypervisor.Injected.Count(i => i == (persona, VirtualInterrupt.Timer));
            Assert.True(timer >= 12, $"{persona} got {timer} timer interrupts");
            // The kernel counts the ticks its handler saw: at least the 12 its day lasts, at most what was injected.
            var line = day.Uart(persona).Split('\n').Single(l => l.Contains("day over, ticks", StringComparison.Ordinal));
            var seen = Convert.ToUInt64(line[(line.LastIndexOf("0x", StringComparison.Ordinal) + 2)..], 16);
            Assert.InRange(seen, 12UL, (ulong)timer);
            Assert.True(day.Hypervisor.Injected.Contains((persona, VirtualInterrupt.Storage)), $"{persona} got no storage interrupt");
        }
        Assert.Contains(day.Recorder.After, a => a.Trap.Description.StartsWith("IRQ 27 (virtual timer) -> Work", StringComparison.Ordinal));
        Assert.Contains(day.Recorder.After, a => a.Trap.Description.StartsWith("IRQ 27 (virtual timer) -> Personal", StringComparison.Ordinal));
    }

    [Fact]
    public void BackgroundPersonasInterruptWaitsInItsSavedListRegistersUntilItReturns()
    {
        // The personal caller hangs up: the hang-up interrupt is raised for personal, work returns to the foreground, and the
        // interrupt waits in personal's saved ICH_LR until personal runs again and prints the end of the call.
        var waiting = day.Recorder.After.FindIndex(a => a.Foreground == Component.Work && a.SavedModemPending[(int)Component.Personal]);
        Assert.True(waiting >= 0, "personal's modem interrupt never waited in its saved list registers");
        var delivered = day.Recorder.After.FindIndex(waiting, a => a.Foreground == Component.Personal && !a.SavedModemPending[(int)Component.Personal]);
        Assert.True(delivered > waiting);
        Assert.Contains("personal: hung up, line 0x0000000000000000", day.Uart(Component.Personal), StringComparison.Ordinal);
    }

    [Fact]
    public void IncomingCallForTheBackgroundPersonaBringsItForwardAndHangUpBringsTheOtherBack()
    {
        foreach (var (caller, persona) in new[] { (5_550_100, Component.Personal), (5_550_200, Component.Work) })
        {
            var rang = day.Hypervisor.Log.ToList().FindIndex(l => l.EndsWith($"IncomingCall {{ Line = {persona}, Caller = {caller} }}", StringComparison.Ordinal));
            Assert.True(rang >= 0, $"the call for {persona} was never applied");
            Assert.Contains($"{HypervisorLayout.Other(persona)} in the foreground", day.Hypervisor.Log[rang], StringComparison.Ordinal);
            var name = persona.ToString().ToLowerInvariant();
            Assert.Contains($"{name}: answered 0x{caller:x16}", day.Uart(persona), StringComparison.Ordinal);
            Assert.Contains($"{name}: hung up, line 0x0000000000000000", day.Uart(persona), StringComparison.Ordinal);
        }
        var switches = day.Recorder.After.Where(a => a.Trap.IsWorldSwitch).Select(a => a.Foreground).ToList();
        Assert.True(switches.Count >= 8, $"only {switches.Count} world switches");
        Assert.Equal(LineStatus.Idle, day.Hypervisor.ModemOf(Component.Personal).Status);
        Assert.Equal(LineStatus.Idle, day.Hypervisor.ModemOf(Component.Work).Status);
    }

    [Fact]
    public void EachRecordReadsBackWithTheChecksumOfItsText()
    {
        foreach (var (persona, text) in new[] { (Component.Personal, PersonalRecord), (Component.Work, WorkRecord) })
        {
            var sector = new byte[512];
            Encoding.ASCII.GetBytes(text).CopyTo(sector, 0);
            var name = persona.ToString().ToLowerInvariant();
            Assert.Contains($"{name}: record 0x{Fnv1a(sector):x16}", day.Uart(persona), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WorkPartitionOnTheEmmcHoldsCiphertextOnly()
    {
        Assert.False(day.WorkPartitionHolds("CONFIDENTIAL"u8), "the work record is in plaintext on the eMMC");
        Assert.False(day.WorkPartitionHolds("work memo"u8));
        Assert.True(day.PartitionHolds(Component.Personal, Encoding.ASCII.GetBytes(PersonalRecord)), "the personal partition (not encrypted) should hold its record as written");
        var workSectors = day.Hypervisor.Storage.Emmc.WrittenSectors.Where(s => day.Hypervisor.Storage.OwnerOfSector(s) == Component.Work).ToList();
        Assert.NotEmpty(workSectors);
        var partition = (Spec.Concrete.MapValue)day.Validator!.Current[Fields.Partition.Name];
        Assert.Equal((int)Label.Work, (int)partition.Get((int)Component.Work));
        Assert.Equal((int)Label.Personal, (int)partition.Get((int)Component.Personal));
    }

    [Fact]
    public void CameraIsHandedFromPersonalToWorkAndBack()
    {
        var personal = day.Uart(Component.Personal);
        var work = day.Uart(Component.Work);
        Assert.Contains("personal: camera released 0x0000000000000000", personal, StringComparison.Ordinal);
        Assert.Contains("work: camera taken, returned 0x0000000000000000", work, StringComparison.Ordinal);
        Assert.Contains("personal: camera granted 0x0000000000000000", personal, StringComparison.Ordinal);
    }

    /// <summary>The persona kernels' checksum (guests/persona/day.c).</summary>
    internal static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var b in bytes)
            h = (h ^ b) * 0x100000001b3UL;
        return h;
    }
}
