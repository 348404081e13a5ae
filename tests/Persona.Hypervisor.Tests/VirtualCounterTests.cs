using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Vcpu;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Each persona has its own virtual counter: CNTVOFF_EL2 is the physical count at the persona's first entry, the same on
/// every core and across every world switch, and what a vCPU reads in CNTVCT_EL0 is the physical count minus it.</summary>
public sealed class VirtualCounterTests(ITestOutputHelper output)
{
    /// <summary>The mutants these tests cover (for <see cref="MutantTests.EveryMutantHasATest"/>).</summary>
    public static IReadOnlyList<HypervisorMutant> Covered { get; } = [HypervisorMutant.SwitchRestoresOtherVirtualOffset];

    private static readonly SystemRegisterKey Offset = SavedRegisters.KeyOfPlatform("CNTVOFF_EL2");
    private static readonly SystemRegisterKey PhysicalCount = SystemRegisterKey.Of(3, 3, 14, 0, 1);
    private static readonly SystemRegisterKey VirtualCount = SystemRegisterKey.Of(3, 3, 14, 0, 2);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EachPersonaReadsItsOwnVirtualCounter_OnEveryCore_AcrossWorldSwitches(int cores)
    {
        var (watch, hypervisor, validatorViolation) = Run(new RunOptions(Cores: cores));
        foreach (var line in watch.Faults.Take(10))
            output.WriteLine(line);
        output.WriteLine($"offsets: personal 0x{hypervisor.VirtualOffsetOf(Component.Personal):x}, work 0x{hypervisor.VirtualOffsetOf(Component.Work):x}; "
            + $"{watch.Readings} readings on (core, persona) {string.Join(", ", watch.Seen.Order())}; {watch.Switches} switches");
        Assert.Null(validatorViolation);
        Assert.Empty(watch.Faults);
        // Work first entered after personal had run a while: its virtual time starts later, so the two counters differ.
        Assert.True(watch.FirstOffset[(int)Component.Work] > watch.FirstOffset[(int)Component.Personal]);
        Assert.True(watch.Switches >= 3, "the run should switch worlds several times");
        for (var core = 0; core < cores; core++)
        {
            Assert.Contains((core, Component.Personal), watch.Seen);
            Assert.Contains((core, Component.Work), watch.Seen);
        }
    }

    [Fact]
    public void ASwitchThatRestoresTheOtherPersonasOffset_IsCaught()
    {
        var (watch, _, _) = Run(new RunOptions(Mutants: HypervisorMutant.SwitchRestoresOtherVirtualOffset, Validate: false));
        foreach (var line in watch.Faults.Take(5))
            output.WriteLine(line);
        Assert.Contains(watch.Faults, f => f.Contains("Work's CNTVOFF_EL2", StringComparison.Ordinal));
    }

    private static (CounterWatch Watch, Hypervisor Hypervisor, Validation.Violation? Violation) Run(RunOptions options)
    {
        var (machine, hypervisor, validator) = PersonaRun.Build(DefaultPlatform.Load(), options);
        var watch = new CounterWatch(hypervisor, hypervisor.Observer, machine.Clock.Ticks);
        hypervisor.Observer = watch;
        PersonaRun.RunWithEvents(machine, hypervisor, options);
        return (watch, hypervisor, validator?.FirstViolation);
    }

    /// <summary>Reads the timer registers of the core at every trap entry (the persona that ran there) and after every trap (the
    /// persona about to run there): a persona's offset must be the physical count at its first entry, on every core, ever after.</summary>
    private sealed class CounterWatch(Hypervisor hypervisor, ITrapObserver? inner, ulong bootTicks) : ITrapObserver
    {
        public ulong?[] FirstOffset { get; } = [bootTicks, null];

        public List<string> Faults { get; } = [];

        public HashSet<(int Core, Component Persona)> Seen { get; } = [];

        public int Readings { get; private set; }

        public int Switches { get; private set; }

        private readonly ulong[] lastVirtual = new ulong[2];

        private ulong entryTicks;

        public void OnTrapEntry(Core core, Component persona)
        {
            entryTicks = hypervisor.Machine.Clock.Ticks;
            Check(core, persona, "at trap entry");
            inner?.OnTrapEntry(core, persona);
        }

        public void OnTrapHandled(Core core, TrapRecord trap)
        {
            inner?.OnTrapHandled(core, trap);
            if (trap.IsWorldSwitch)
                Switches++;
            if (hypervisor.LivePersonaOf(core.CoreId) is not { } next)
                return;
            if (FirstOffset[(int)next] is null)
            {
                // The persona first entered during this trap: its virtual time started then, between the trap's entry and now.
                var offset = core.ReadSystemRegister(Offset);
                if (offset < entryTicks || offset > hypervisor.Machine.Clock.Ticks)
                    Faults.Add($"core {core.CoreId} after trap {trap.Sequence}: {next}'s CNTVOFF_EL2 is 0x{offset:x} at its first entry, not a physical count within the trap (0x{entryTicks:x}..0x{hypervisor.Machine.Clock.Ticks:x})");
                FirstOffset[(int)next] = offset;
            }
            Check(core, next, $"after trap {trap.Sequence}");
        }

        private void Check(Core core, Component persona, string when)
        {
            Readings++;
            Seen.Add((core.CoreId, persona));
            var offset = core.ReadSystemRegister(Offset);
            var physical = core.ReadSystemRegister(PhysicalCount);
            var virtualCount = core.ReadSystemRegister(VirtualCount);
            if (FirstOffset[(int)persona] is { } expected && offset != expected)
                Faults.Add($"core {core.CoreId} {when}: {persona}'s CNTVOFF_EL2 is 0x{offset:x}, its virtual time started at physical 0x{expected:x}");
            if (virtualCount != physical - offset)
                Faults.Add($"core {core.CoreId} {when}: {persona} reads CNTVCT 0x{virtualCount:x}, physical 0x{physical:x} - offset 0x{offset:x}");
            if (virtualCount < lastVirtual[(int)persona])
                Faults.Add($"core {core.CoreId} {when}: {persona}'s virtual count went back from 0x{lastVirtual[(int)persona]:x} to 0x{virtualCount:x}");
            lastVirtual[(int)persona] = Math.Max(lastVirtual[(int)persona], virtualCount);
        }
    }
}
