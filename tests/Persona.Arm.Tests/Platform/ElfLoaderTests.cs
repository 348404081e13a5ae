using Persona.Arm.Contracts;
using Persona.Arm.Loading;

namespace Persona.Arm.Tests.Platform;

public class ElfLoaderTests
{
    private static RamRegion NewRam() => new(0x4000_0000, new byte[1 << 20]);

    [Fact]
    public void Load_ValidImage_CopiesSegmentZeroesTailAndReturnsEntry()
    {
        var ram = NewRam();
        ram.Bytes.AsSpan(0x80000, 32).Fill(0xEE);
        var image = ElfLoader.Load("good.elf", new ElfBuilder().Build(), ram);

        Assert.Equal(0x4008_0000UL, image.EntryPoint);
        Assert.Equal(new LoadedSegment(0x4008_0000, 8, 24), Assert.Single(image.Segments));
        Assert.Equal(new byte[] { 0x1F, 0x20, 0x03, 0xD5, 0xAA, 0xBB, 0xCC, 0xDD }, ram.Bytes[0x80000..0x80008]);
        Assert.All(ram.Bytes[0x80008..0x80018], b => Assert.Equal(0, b));
        Assert.Equal(0xEE, ram.Bytes[0x80018]);
    }

    public static TheoryData<string, byte[], string> BadImages => new()
    {
        { "not-elf", "MZ this is not an ELF file at all........"u8.ToArray(), "not an ELF file" },
        { "empty", [], "not an ELF file" },
        { "short-header", new ElfBuilder().Build()[..40], "truncated" },
        { "elf32", new ElfBuilder { Class = 1 }.Build(), "wrong ELF class 1" },
        { "big-endian", new ElfBuilder { Data = 2 }.Build(), "wrong endianness 2" },
        { "x86-64", new ElfBuilder { Machine = 62 }.Build(), "wrong machine 62" },
        { "shared-object", new ElfBuilder { Type = 3 }.Build(), "wrong ELF type 3" },
        { "entry-outside-ram", new ElfBuilder { Entry = 0x1000 }.Build(), "entry point 0x1000 is outside RAM" },
        { "segment-outside-ram", new ElfBuilder { SegmentAddress = 0x8000_0000 }.Build(), "segment 0 at [0x80000000" },
        { "segment-past-ram-end", new ElfBuilder { SegmentAddress = 0x400F_FFF8, ExtraMemory = 0x100 }.Build(), "is outside RAM" },
        { "truncated-segment", new ElfBuilder().Build()[..124], "truncated: segment 0" },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public void Load_BadImage_ThrowsImageExceptionNamingFileAndFault(string name, byte[] file, string fault)
    {
        var e = Assert.Throws<ImageException>(() => ElfLoader.Load(name + ".elf", file, NewRam()));
        Assert.Contains(name + ".elf", e.Message, StringComparison.Ordinal);
        Assert.Contains(fault, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RandomlyCorruptedImages_OnlyEverThrowImageException()
    {
        const int seed = 4242;
        var random = new Random(seed);
        var valid = new ElfBuilder().Build();
        var ram = NewRam();
        for (var i = 0; i < 20_000; i++)
        {
            var file = (byte[])valid.Clone();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
                file[random.Next(file.Length)] = (byte)random.Next(256);
            if (random.Next(8) == 0)
                file = file[..random.Next(file.Length)];
            try
            {
                ElfLoader.Load("fuzz.elf", file, ram);
            }
            catch (ImageException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, case {i}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsImageExceptionNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "persona-no-such-image-" + Guid.NewGuid() + ".elf");
        var e = Assert.Throws<ImageException>(() => ElfLoader.LoadFile(path, NewRam()));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
    }
}
