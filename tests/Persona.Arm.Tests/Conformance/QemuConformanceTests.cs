using System.Text;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.TestSupport;
using Xunit.Abstractions;

namespace Persona.Arm.Tests.Conformance;

/// <summary>Each bare-metal image, built from source, must print exactly the same UART output on QEMU and on our machine.</summary>
/// <remarks>The output holds code addresses (ELR, FAR), which depend on the cross compiler's version, so there is no golden
/// file: QEMU on the freshly built image is the oracle. So that an image broken on both sides at once cannot pass, QEMU's
/// output must also end with the line every image prints when it ran to completion, and name no unexpected exception.</remarks>
public sealed class QemuConformanceTests(ITestOutputHelper output) : IDisposable
{
    private const ulong InstructionLimit = 200_000_000;
    private readonly string buildDirectory = Directory.CreateTempSubdirectory("persona-images-").FullName;

    public void Dispose() => Directory.Delete(buildDirectory, recursive: true);

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Hello_PrintsTheSameOnQemuAndOurs() => Check("hello");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Traps_EveryHypervisorTrapClass_MatchesQemu() => Check("traps");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Stage1_FaultsAndS1ptw_MatchQemu() => Check("stage1");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Vgic_ListRegisterInjectionAndVirtualTimer_MatchQemu() => Check("vgic");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Smp_PsciCpuOnOfFourCores_MatchesQemu() => Check("smp");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Virtio_BlockRequestsOverMmioVersion2_MatchQemu() => Check("virtio");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Virtio_BlockRequestsOverLegacyMmio_MatchQemu() => Check("virtio", legacyVirtio: true);

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Exceptions_SyndromesAlignmentMonitorAndEl0Traps_MatchQemu() => Check("exceptions");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void S2faults_TranslationPermissionAccessFlagAndAddressSizeFaultsWithHpfar_MatchQemu() => Check("s2faults");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Timergic_TimerCvalTvalIstatusAndGicPrioritiesPmrEoiMode_MatchQemu() => Check("timergic");

    [RequiresToolFact("qemu-system-aarch64", "qemu-system-arm", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Stage1perm_ApUxnPxnTableAttributesTtbr1AndTbi_MatchQemu() => Check("stage1perm");

    [RequiresToolFact("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void Smp_RunTwiceOnOurs_ReproducesBitForBit()
    {
        var image = ConformanceImage.Named("smp");
        var elf = image.Build(DebianTool.Require("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu"), buildDirectory);
        (MachineRunResult Result, byte[] Uart, string RamHash) Once()
        {
            using var uart = new MemoryStream();
            var machine = new Machine(new MachineOptions { CoreCount = image.Cores }, InterpreterCore.Factory(), uart);
            machine.LoadAndStart(elf);
            var result = machine.Run(InstructionLimit);
            return (result, uart.ToArray(), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(machine.Bus.Ram.Bytes)));
        }

        var first = Once();
        var second = Once();
        output.WriteLine($"{first.Result}, RAM SHA-256 {first.RamHash}");
        Assert.Equal(MachineStopReason.SystemOff, first.Result.Reason);
        Assert.Equal(first.Result, second.Result);
        Assert.Equal(first.Uart, second.Uart);
        Assert.Equal(first.RamHash, second.RamHash);
    }

    [Fact]
    public void EveryImageSource_HasAConformanceTest()
    {
        var tested = typeof(QemuConformanceTests).GetMethods()
            .Where(m => m.Name.EndsWith("MatchQemu", StringComparison.Ordinal) || m.Name.EndsWith("MatchesQemu", StringComparison.Ordinal)
                || m.Name.EndsWith("OnQemuAndOurs", StringComparison.Ordinal))
            .Select(m => m.Name.Split('_')[0].ToUpperInvariant())
            .ToHashSet();
        foreach (var source in Directory.GetFiles(ConformanceImage.ImagesDirectory, "*.c"))
        {
            var name = Path.GetFileNameWithoutExtension(source);
            Assert.Contains(name.ToUpperInvariant(), tested);
        }
    }

    private void Check(string name, bool legacyVirtio = false)
    {
        var image = ConformanceImage.Named(name);
        var elf = image.Build(DebianTool.Require("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu"), buildDirectory);
        var qemu = RunQemu(image, elf, legacyVirtio);
        var ours = RunOurs(image, elf, legacyVirtio);
        output.WriteLine($"--- {name} on ours ({image.Cores} core(s)) ---\n{ours}");

        Assert.EndsWith("image finished\n", qemu, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", qemu, StringComparison.Ordinal);
        AssertSameLines(qemu, ours);
    }

    private string RunQemu(ConformanceImage image, string elf, bool legacyVirtio)
    {
        var qemu = DebianTool.Require("qemu-system-aarch64", "qemu-system-arm");
        string[] arguments =
        [
            "-M", "virt,virtualization=on,gic-version=3", "-cpu", "cortex-a57", "-nographic",
            "-smp", image.Cores.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kernel", elf,
            .. legacyVirtio ? Array.Empty<string>() : ["-global", "virtio-mmio.force-legacy=false"],
            .. image.NeedsDisk ? DiskArguments(ConformanceImage.CreateDisk(Path.Combine(buildDirectory, image.Name + "-qemu.img"))) : [],
        ];
        var run = ToolRun.Execute(qemu, arguments, Path.GetTempPath(), TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, $"qemu exited {run.ExitCode}: {run.StandardError}");
        return Encoding.Latin1.GetString(run.StandardOutput);
    }

    // The disk goes to the top virtio-mmio slot, the first QEMU fills.
    private static string[] DiskArguments(string disk) =>
    [
        "-drive", $"file={disk},format=raw,if=none,id=disk0", "-device", "virtio-blk-device,drive=disk0",
    ];

    private string RunOurs(ConformanceImage image, string elf, bool legacyVirtio)
    {
        using var uart = new MemoryStream();
        using var disk = image.NeedsDisk ? new FileBlockStore(ConformanceImage.CreateDisk(Path.Combine(buildDirectory, image.Name + "-ours.img"))) : null;
        var options = new MachineOptions { CoreCount = image.Cores, BlockStore = disk, VirtioLegacy = legacyVirtio };
        var machine = new Machine(options, InterpreterCore.Factory(), uart);
        machine.LoadAndStart(elf);
        var result = machine.Run(InstructionLimit);
        var text = Encoding.Latin1.GetString(uart.ToArray());
        Assert.True(result.Reason == MachineStopReason.SystemOff, $"{image.Name} stopped with {result.Reason} after {result.Instructions} instructions; UART so far:\n{text}");
        return text;
    }

    private static void AssertSameLines(string qemu, string ours)
    {
        var expected = qemu.Split('\n');
        var actual = ours.Split('\n');
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            Assert.True(expected[i] == actual[i], $"line {i + 1} differs: QEMU '{expected[i]}', ours '{actual[i]}'");
        }
        Assert.True(expected.Length == actual.Length, $"QEMU printed {expected.Length} lines, ours {actual.Length}");
    }
}
