using Persona.Arm.Platform;
using Persona.Hypervisor.Memory;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Validation;
using Persona.Spec;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Persona.Spec.Rules;
using Xunit.Abstractions;
using static Persona.Spec.Terms.Spec;

namespace Persona.Hypervisor.Tests;

/// <summary>The fast validator's shortcuts stay sound: the boot check by runs sees one wrong page inside a long run, and the
/// per-trap check sees a wrong page far from the touched ones when a rule needs every page.</summary>
public sealed class FastValidatorTests(ITestOutputHelper output)
{
    /// <summary>A frame in the middle of the personal region (256 MiB from PA 0x42000000), far from every page the boot treats specially.</summary>
    private const long MiddlePersonalFrame = 0x4A123;

    /// <summary>A frame in the middle of the work persona's quota (PA 0x41800000..0x42000000).</summary>
    private const long MiddleWorkPoolFrame = 0x41C37;

    /// <summary>A frame in the middle of the work region.</summary>
    private const long MiddleWorkFrame = 0x5A456;

    private static (Machine Machine, Hypervisor Hypervisor) Booted()
    {
        var (machine, hypervisor, _) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(Validate: false));
        return (machine, hypervisor);
    }

    private Violation BootViolation(Hypervisor hypervisor)
    {
        var validator = new Validator(hypervisor);
        validator.CheckBoot();
        output.WriteLine(validator.FirstViolation?.ToString() ?? "no violation");
        Assert.NotNull(validator.FirstViolation);
        return validator.FirstViolation;
    }

    [Fact]
    public void CorrectMachine_PassesTheBootCheck()
    {
        var validator = new Validator(Booted().Hypervisor);
        validator.CheckBoot();
        Assert.Null(validator.FirstViolation);
    }

    [Fact]
    public void OneFrameOwnedTwiceInsideTheLongPersonalRun_IsCaughtAtBoot()
    {
        var (_, hypervisor) = Booted();
        hypervisor.Ownership.SetState(Component.Work, MiddlePersonalFrame, PageState.Owned);
        var violation = BootViolation(hypervisor);
        Assert.Contains("MEM-1", violation.BrokenRules);
        Assert.Contains($"frame 0x{MiddlePersonalFrame:x}", violation.ToString());
    }

    [Fact]
    public void DataLeftInOnePoolPage_IsCaughtAtBoot()
    {
        var (machine, hypervisor) = Booted();
        machine.Bus.Ram.Bytes[(int)(((ulong)MiddleWorkPoolFrame * HypervisorLayout.PageSize) + 100 - machine.Bus.Ram.Base)] = 0x5A;
        var violation = BootViolation(hypervisor);
        Assert.Contains("MEM-5", violation.BrokenRules);
        Assert.Contains($"frame 0x{MiddleWorkPoolFrame:x} (PA 0x{MiddleWorkPoolFrame * 4096:x}) should hold zeros", violation.ToString());
    }

    [Fact]
    public void OneDescriptorInsideALevel3Table_PointingAtAWorkFrame_IsCaughtAtBoot()
    {
        // The personal IPA page whose level-3 descriptor sits mid-table now maps a work frame: the run of descriptors breaks there.
        var (_, hypervisor) = Booted();
        var ipa = HypervisorLayout.GuestRamIpa + (0x1234UL * HypervisorLayout.PageSize);
        hypervisor.TablesOf(Component.Personal).Map(ipa, (ulong)MiddleWorkFrame * HypervisorLayout.PageSize,
            Stage2Descriptor.NormalMemory | Stage2Descriptor.Read | Stage2Descriptor.Write | Stage2Descriptor.InnerShareable);
        var violation = BootViolation(hypervisor);
        Assert.Contains("MEM-2", violation.BrokenRules);
        Assert.Contains($"frame 0x{MiddleWorkFrame:x}", violation.ToString());
    }

    [Fact]
    public void RuleNeedingEveryPage_AfterAGlobalChange_IsCheckedOnUntouchedPages()
    {
        // Once work is in the foreground, no page may be mapped for the personal persona: the first switch changes only the
        // foreground and touches no personal page, so only a check over every page (by class) finds the personal pages still mapped.
        var farRule = new Rule("X-FAR", "While work is in the foreground the personal persona maps nothing.", "a test rule",
            s => (s.Get(Fields.Foreground) == Lit(Component.Work)).Implies(ForAll<Persona.Spec.Terms.Page>(p => !s.IsMapped(Lit(Component.Personal), p))));
        var model = SpecModel.Default with { Rules = [.. SpecModel.Default.Rules, farRule] };
        var (machine, hypervisor) = Booted();
        var validator = new Validator(hypervisor, model);
        hypervisor.Observer = validator;
        validator.CheckBoot();
        Assert.Null(validator.FirstViolation);
        machine.Run(10_000_000);
        output.WriteLine(validator.FirstViolation?.ToString() ?? "no violation");
        Assert.NotNull(validator.FirstViolation);
        Assert.Equal(["X-FAR"], validator.FirstViolation.BrokenRules);
        Assert.Contains("switchTo(to=Work)", validator.FirstViolation.ExpectedOperation);
    }
}
