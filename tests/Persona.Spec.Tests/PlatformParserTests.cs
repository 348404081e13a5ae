using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Spec.Tests;

/// <summary>The platform file format: the embedded default's facts, and one exact message per kind of bad file.</summary>
public partial class PlatformParserTests
{
    /// <summary>Every fault class the parser must report, each with a golden file (deleting one fails <see cref="GoldenFolder_HoldsAFileForEveryFaultClass"/>).</summary>
    private static readonly string[] RequiredFaultClasses =
    [
        "overlapping-regions", "unknown-device-assigned", "unknown-device-kind", "device-in-two-assignments",
        "misaligned-region-base", "misaligned-region-size", "misaligned-device-window", "misaligned-device-size",
        "not-key-value", "unknown-keyword", "unknown-key", "bad-number", "duplicate-key",
        "region-outside-ram", "mediated-device-assigned",
        "missing-platform-declaration", "missing-ram-declaration", "missing-keystore-region",
        "overlapping-partitions", "unencrypted-work-partition", "work-partition-without-encryption",
    ];

    public static TheoryData<string> BadFiles => [.. BadPlatformFiles.Names()];

    [Fact]
    public void GoldenFolder_HoldsAFileForEveryFaultClass()
    {
        var present = BadPlatformFiles.Names().ToHashSet();
        var missing = RequiredFaultClasses.Where(n => !present.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"no bad platform file in {BadPlatformFiles.OutputFolder} for: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadPlatformFile_IsRejected_WithTheMessageInItsExpectFile(string name)
    {
        var source = BadPlatformFiles.SourceName(name);
        var error = Assert.Throws<PlatformFileException>(() => PlatformParser.Parse(BadPlatformFiles.Text(name), source));
        Assert.Equal(source, error.File);
        Assert.Equal($"{source}:{error.Line}:{error.Column}: {error.Fault}", error.Message);
        Assert.InRange(error.Line, 1, BadPlatformFiles.Text(name).Split('\n').Length);
        Assert.True(error.Column >= 1, $"column {error.Column} is not 1-based");
        if (BadPlatformFiles.Updating) BadPlatformFiles.WriteExpected(name, error.Message);
        var expected = BadPlatformFiles.Expected(name);
        Assert.True(expected is not null, $"{name}.expect is missing: run the tests with UPDATE_GOLDEN=1 and review the file");
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ParseFile_OfABadFileOnDisk_NamesThatPathInTheMessage()
    {
        var path = Path.Combine(BadPlatformFiles.OutputFolder, "overlapping-regions.platform");
        var error = Assert.Throws<PlatformFileException>(() => PlatformParser.ParseFile(path));
        Assert.Equal(path, error.File);
        Assert.StartsWith($"{path}:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("overlaps region 'hyp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_OfAMissingFile_SaysFileNotFound()
    {
        var path = Path.Combine(BadPlatformFiles.OutputFolder, "no-such.platform");
        var error = Assert.Throws<PlatformFileException>(() => PlatformParser.ParseFile(path));
        Assert.Equal($"{path}:0:0: file not found", error.Message);
    }

    [Fact]
    public void TinyTestPlatform_WithCommentsBlankLinesAndCrLf_ParsesLikeThePlainText()
    {
        var messy = "# a comment line\r\n\r\n" + TestWorlds.SmallPlatformText.Replace("\n", "   # trailing comment\r\n", StringComparison.Ordinal);
        var plain = TestWorlds.SmallPlatform();
        var parsed = PlatformParser.Parse(messy, "messy.platform");
        Assert.Equal(plain.Ram, parsed.Ram);
        Assert.Equal(plain.Regions, parsed.Regions);
        Assert.Equal(plain.Devices, parsed.Devices);
        Assert.Equal(plain.Partitions, parsed.Partitions);
    }

    [Theory]
    [InlineData("4096", 4096UL)]
    [InlineData("0x1000", 4096UL)]
    [InlineData("0X1000", 4096UL)]
    [InlineData("0x4000_0000", 0x4000_0000UL)]
    [InlineData("4KiB", 4096UL)]
    [InlineData("16MiB", 16UL << 20)]
    [InlineData("2GiB", 2UL << 30)]
    [InlineData("0x10MiB", 16UL << 20)]
    public void Number_InEverySupportedForm_ReadsAsItsValue(string text, ulong value)
    {
        var platform = PlatformParser.Parse(TestWorlds.SmallPlatformText.Replace(
            "partition persona=work first-block=100 blocks=100", $"partition persona=work first-block=0x1_0000_0000 blocks={text}", StringComparison.Ordinal),
            "n.platform");
        Assert.Equal(value, platform.Partitions.Single(p => p.Persona == Component.Work).Blocks);
    }
}
