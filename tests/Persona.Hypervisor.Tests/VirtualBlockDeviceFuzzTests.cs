using Persona.Hypervisor.Devices;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>A hostile driver writing random registers and random rings never crashes the device, and whatever it does, the eMMC
/// changes only inside the driver's own partition.</summary>
public sealed class VirtualBlockDeviceFuzzTests(ITestOutputHelper output)
{
    private static readonly ulong[] Registers = [0x014, 0x024, 0x030, 0x038, 0x044, 0x050, 0x064, 0x070, 0x080, 0x084, 0x090, 0x094, 0x0a0, 0x0a4, 0x100, 0xffc];

    [Fact]
    public void RandomDriversTouchOnlyTheirOwnPartition()
    {
        // Deterministic by default; PERSONA_SEED reproduces or varies a run.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PERSONA_SEED"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var chosen) ? chosen : 20111121;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var platform = DefaultPlatform.Load();
        for (var round = 0; round < 200; round++)
        {
            const ulong ram = 0x4000_0000;
            var memory = new FakeGuestMemory(ram, 0x4000);
            random.NextBytes(memory.Bytes);
            var storage = new StorageMediator(platform, new EmmcStore((long)platform.Partitions.Max(p => p.FirstBlock + p.Blocks)), () => [.. Enumerable.Range(7, 32).Select(i => (byte)i)]);
            var persona = random.Next(2) == 0 ? Component.Personal : Component.Work;
            var device = new VirtualBlockDevice(persona, storage, memory);
            // A plausible setup half the time (rings inside its memory), then random register writes, notifications among them.
            if (random.Next(2) == 0)
            {
                device.Write(0x038, 8);
                device.Write(0x080, (uint)ram);
                device.Write(0x090, (uint)ram + 0x1000);
                device.Write(0x0a0, (uint)ram + 0x2000);
                device.Write(0x044, 1);
            }
            for (var step = 0; step < 40; step++)
            {
                var register = Registers[random.Next(Registers.Length)];
                var value = random.Next(4) == 0 ? (uint)ram + (uint)random.Next(0x4000) : (uint)random.Next(0, 20);
                device.Write(register, value);
                _ = device.Read(Registers[random.Next(Registers.Length)]);
                if (random.Next(3) == 0)
                    device.Write(0x050, 0);
            }
            var partition = storage.PartitionOf(persona)!;
            Assert.All(storage.Emmc.WrittenSectors, s => Assert.InRange((ulong)s, partition.FirstBlock, partition.FirstBlock + partition.Blocks - 1));
        }
    }
}
