using Persona.Hypervisor.Running;
using Persona.Hypervisor.Validation;
using Persona.Spec;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

public sealed class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        foreach (var r in SpecModel.Default.Rules)
        {
            var f = RuleFootprint.Of(r);
            output.WriteLine($"{r.Id} pages={f.QuantifiesOverPages} local={f.ReadsPageAtBoundVariableOnly} fields={string.Join(",", f.Fields)}");
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var platform = Spec.Platforms.DefaultPlatform.Load();
        var m0 = new Arm.Platform.Machine(new Arm.Platform.MachineOptions { CoreCount = 1, RamSize = platform.Ram.Size }, Arm.Platform.InterpreterCore.Factory(), Stream.Null);
        output.WriteLine($"machine {sw.ElapsedMilliseconds}");
        var h0 = new Hypervisor(m0, platform);
        h0.Boot(PersonaKernels.Personal, PersonaKernels.Work);
        output.WriteLine($"hv boot {sw.ElapsedMilliseconds}");
        var v0 = new Validator(h0);
        output.WriteLine($"validator ctor {sw.ElapsedMilliseconds}");
        v0.CheckBoot();
        output.WriteLine($"checkboot {sw.ElapsedMilliseconds}");
        sw.Restart();
        var (m, h, v) = PersonaRun.Build(Spec.Platforms.DefaultPlatform.Load(), new RunOptions());
        output.WriteLine($"build {sw.ElapsedMilliseconds}");
        sw.Restart();
        m.Run(10_000_000);
        output.WriteLine($"run {sw.ElapsedMilliseconds} traps {h.TrapCount}");
    }
}
