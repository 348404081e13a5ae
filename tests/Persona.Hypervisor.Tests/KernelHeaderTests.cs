using System.Globalization;
using System.Text.RegularExpressions;
using Persona.TestSupport;

namespace Persona.Hypervisor.Tests;

/// <summary>The C kernels cannot read the platform file, so their header restates the camera; this ties the header to the
/// platform fact the hypervisor's fit check reads.</summary>
public sealed partial class KernelHeaderTests
{
    [Fact]
    public void KernelHeaderCamera_IsTheDefaultPlatformsCamera()
    {
        var header = File.ReadAllText(Path.Combine(Repository.Root, "guests", "persona", "kernel.h"));
        var (index, camera) = PlatformFit.KernelCamera;

        Assert.Equal(index, int.Parse(Define(header, "DEVICE_CAMERA"), CultureInfo.InvariantCulture));
        Assert.Equal(camera.Mmio.Base, ulong.Parse(Define(header, "CAMERA_IPA").TrimEnd('U', 'L')[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    private static string Define(string header, string name)
    {
        var match = DefinePattern().Matches(header).FirstOrDefault(m => m.Groups[1].Value == name);
        Assert.True(match is not null, $"kernel.h has no #define {name}");
        return match.Groups[2].Value;
    }

    [GeneratedRegex(@"^#define\s+(\w+)\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex DefinePattern();
}
