using Persona.Arm.Cpu;
using Persona.Arm.Memory;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Dma;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Scenarios;
using Persona.Hypervisor.Validation;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>One validated run of <c>spec/scenarios/wipe-during-camera.scenario</c> (the wipe comes while work holds the camera with DMA
/// mappings and an armed frame), with the camera's DMA state recorded when the wipe was ordered and when it completed.</summary>
public class WipeDuringCameraRun
{
    public WipeDuringCameraRun(HypervisorMutant mutants)
    {
        Scenario = ScenarioParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "wipe-during-camera.scenario"));
        var options = new RunOptions(mutants, Scenario.WorkMode, Validate: true, Scenario.MaxInstructions, Scenario.Wipe.AtTrap, Scenario.Events, Scenario.Day);
        (Machine, Hypervisor, Validator) = PersonaRun.Build(DefaultPlatform.Load(), options);
        Camera = Hypervisor.Platform.Devices.ToList().FindIndex(d => d.Name == "camera");
        Stream = DmaStreams.StreamOf(Hypervisor.Platform, Camera) ?? throw new InvalidOperationException("the camera has no DMA stream");
        Hypervisor.Observer = new Recorder(this, Hypervisor.Observer!);
        Stop = PersonaRun.RunWithEvents(Machine, Hypervisor, options);
    }

    public Scenario Scenario { get; }

    public Machine Machine { get; }

    public Hypervisor Hypervisor { get; }

    public Validator? Validator { get; }

    public MachineRunResult Stop { get; }

    public int Camera { get; }

    public int Stream { get; }

    /// <summary>The camera's owner and the (IOVA, frame) pairs its table mapped at the entry of the trap that ordered the wipe.</summary>
    public (Component? Owner, List<(ulong Iova, ulong Frame)> Mapped)? AtWipeOrder { get; private set; }

    /// <summary>What the SMMU and the engine showed right after the trap that completed the wipe.</summary>
    public (SmmuStreamTableEntry Entry, List<(ulong IovaPage, ulong Frame)> Tlb, List<(ulong Iova, string Walk)> TableWalks, ulong EngineTarget)? AtWipeDone { get; private set; }

    private sealed class Recorder(WipeDuringCameraRun run, ITrapObserver validator) : ITrapObserver
    {
        public void OnTrapEntry(Core core, Component persona)
        {
            var h = run.Hypervisor;
            if (h.WipeProgress == Wipe.WipeStep.None)
            {
                var entry = h.Devices[run.Camera];
                run.AtWipeOrder = (entry.Assigned ? entry.Owner : null,
                    [.. h.Dma.MappedIovas(run.Stream).Order().Select(iova => (iova, h.Dma.TableOf(run.Stream).Translate(h.Machine.Bus, iova).OutputAddress))]);
            }
            validator.OnTrapEntry(core, persona);
        }

        public void OnTrapHandled(Core core, TrapRecord trap)
        {
            validator.OnTrapHandled(core, trap);
            var h = run.Hypervisor;
            if (!h.WorkWiped || run.AtWipeDone is not null)
                return;
            var smmu = h.Machine.Smmu!;
            var entry = smmu.EffectiveEntry(run.Stream);
            var vmid = h.Dma.TableOf(run.Stream).Vmid;
            var walks = run.AtWipeOrder!.Value.Mapped.Select(m =>
            {
                var walk = TranslationTableWalker.WalkStage2(h.Machine.Bus, 0, h.Dma.TableOf(run.Stream).Regime, m.Iova);
                return (m.Iova, walk.Fault is null ? $"0x{walk.OutputAddress:x}" : "fault");
            }).ToList();
            h.Machine.Bus.TryReadDevice(0, h.Platform.Devices[run.Camera].Mmio.Base + (ulong)DmaMasterRegister.Target, 8, out var target);
            run.AtWipeDone = (entry, [.. smmu.TlbEntries(vmid)], walks, target);
        }
    }
}

/// <summary>The correct hypervisor's run, shared by the tests of one class.</summary>
public sealed class WipeDuringCameraFixture : WipeDuringCameraRun
{
    public WipeDuringCameraFixture() : base(HypervisorMutant.None)
    {
    }
}

/// <summary>A remote wipe while the work persona holds the camera with DMA mappings: the wipe's device revocation takes the DMA away
/// (the SMMU stream aborts, the table is emptied, the engine is reset) before the pages are scrubbed, every step validated; a
/// hypervisor that skips the DMA revocation is caught.</summary>
public sealed class WipeDuringCameraTests(WipeDuringCameraFixture run, ITestOutputHelper output) : IClassFixture<WipeDuringCameraFixture>
{
    [Fact]
    public void TheScenarioPassesValidated_WithWorkHoldingTheCameraWhenTheWipeCame()
    {
        output.WriteLine(run.Hypervisor.UartOutput(Component.Work));
        output.WriteLine(run.Hypervisor.UartOutput(Component.Personal));
        var violation = run.Validator!.FirstViolation;
        output.WriteLine(violation is null ? "no violation" : $"{violation.Trap}: {string.Join(", ", violation.BrokenRules)}: {string.Join("; ", violation.Evidence)}");
        Assert.Null(violation);
        Assert.Equal(run.Hypervisor.TrapCount, run.Validator.Checked);
        Assert.Equal(MachineStopReason.SystemOff, run.Stop.Reason);
        Assert.True(run.Hypervisor.WorkWiped);
        foreach (var expectation in run.Scenario.Expectations)
            Assert.Contains(expectation.Text, run.Hypervisor.UartOutput(expectation.Persona), StringComparison.Ordinal);
        // The state the wipe found: work held the camera, whose table mapped two work frames.
        var (owner, mapped) = run.AtWipeOrder!.Value;
        Assert.Equal(Component.Work, owner);
        Assert.Equal(2, mapped.Count);
        var work = run.Hypervisor.RamOf(Component.Work).Range;
        Assert.All(mapped, m => Assert.True(m.Frame >= work.Base && m.Frame < work.End, $"IOVA 0x{m.Iova:x} maps 0x{m.Frame:x}, not a work page"));
    }

    [Fact]
    public void AfterTheWipe_TheCamerasStreamReachesNoWorkPage()
    {
        var done = run.AtWipeDone!.Value;
        var work = run.Hypervisor.RamOf(Component.Work).Range;
        output.WriteLine($"STE {done.Entry}; TLB [{string.Join(", ", done.Tlb)}]; walks [{string.Join(", ", done.TableWalks)}]; engine target 0x{done.EngineTarget:x}");
        Assert.Equal(SmmuStreamConfig.Abort, done.Entry.Config);
        Assert.DoesNotContain(done.Tlb, e => e.Frame << 12 >= work.Base && e.Frame << 12 < work.End);
        Assert.All(done.TableWalks, w => Assert.Equal("fault", w.Walk));
        Assert.Equal(0UL, done.EngineTarget);
    }

    [Fact]
    public void AtTheEnd_TheCameraEngineAimedAtTheOldWorkPagesFaultsAndWritesNothing()
    {
        var machine = run.Machine;
        var mmio = run.Hypervisor.Platform.Devices[run.Camera].Mmio.Base;
        foreach (var (iova, frame) in run.AtWipeOrder!.Value.Mapped)
        {
            void Write(DmaMasterRegister register, ulong value) => machine.Bus.TryWriteDevice(0, mmio + (ulong)register, 8, value);
            Write(DmaMasterRegister.Target, iova);
            Write(DmaMasterRegister.Length, HypervisorLayout.PageSize);
            Write(DmaMasterRegister.Pattern, 'X');
            Write(DmaMasterRegister.Control, DmaMaster.StartCommand);
            machine.Bus.TryReadDevice(0, mmio + (ulong)DmaMasterRegister.Status, 8, out var status);
            Assert.Equal(DmaMasterStatus.SmmuFault, (DmaMasterStatus)status);
            var page = machine.Bus.Ram.Bytes.AsSpan((int)(frame - machine.Bus.Ram.Base), (int)HypervisorLayout.PageSize);
            Assert.False(page.ContainsAnyExcept((byte)0), $"frame 0x{frame:x} holds data after the wipe");
        }
    }
}

/// <summary>The seeded bug: the wipe revokes the camera but leaves its DMA (stream, table, engine) in place.</summary>
public sealed class WipeDmaMutantTests(ITestOutputHelper output)
{
    /// <summary>The mutants these tests cover (for <see cref="MutantTests.EveryMutantHasATest"/>).</summary>
    public static IReadOnlyList<HypervisorMutant> Covered { get; } = [HypervisorMutant.WipeSkipsDmaRevocation];

    [Fact]
    public void AWipeThatSkipsTheDmaRevocationIsCaughtByTheValidator()
    {
        var run = new WipeDuringCameraRun(HypervisorMutant.WipeSkipsDmaRevocation);
        var violation = run.Validator!.FirstViolation;
        Assert.NotNull(violation);
        // The expected operations list every scrubbed page: print the trap, the rules and the evidence only.
        output.WriteLine($"{violation.Trap}: {string.Join(", ", violation.BrokenRules)}: {string.Join("; ", violation.Evidence)}");
        Assert.Contains("wipeRevokeDevice(d=3)", violation.ExpectedOperation, StringComparison.Ordinal);
        Assert.Contains("DMA-1", violation.BrokenRules);
        Assert.Contains(violation.Evidence, e => e.StartsWith("device camera (stream 2", StringComparison.Ordinal) && e.Contains("DMA reach differs from the spec", StringComparison.Ordinal));
    }
}
