using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Xunit.Abstractions;

namespace Persona.Arm.Tests.Platform;

/// <summary>Guests are hostile: random MMIO and system-register traffic at every device must never raise a host exception.</summary>
public class DeviceFuzzTests(ITestOutputHelper output)
{
    private const int Accesses = 200_000;

    [Fact]
    public void RandomMmioAndSystemRegisterTraffic_NeverThrows()
    {
        var seed = Environment.GetEnvironmentVariable("PERSONA_SEED") is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 20261121;
        output.WriteLine($"seed {seed} (set PERSONA_SEED to reproduce)");
        var random = new Random(seed);
        var cores = new List<ScriptedCore>();
        var machine = new Machine(
            new MachineOptions { CoreCount = 2, RamSize = 1 << 20, BlockStore = new MemoryBlockStore(new byte[4096]) },
            (id, bus, platform, devices) =>
            {
                var core = new ScriptedCore(id, []);
                cores.Add(core);
                return core;
            },
            Stream.Null);
        ulong[] bases = [PlatformMap.GicDistributorBase, PlatformMap.GicRedistributorBase, PlatformMap.UartBase, PlatformMap.VirtioBase];
        ulong[] spans = [0x1_0000, 2 * PlatformMap.GicRedistributorStride, 0x1000, 0x4000];
        int[] sizes = [1, 2, 4, 8];
        ISystemRegisterDevice[] registerDevices = [machine.Gic, machine.Timer];
        var keys = Enum.GetValues<GicSystemRegister>().Select(r => (int)r).Concat(Enum.GetValues<TimerSystemRegister>().Select(r => (int)r)).ToArray();

        for (var i = 0; i < Accesses; i++)
        {
            var core = random.Next(2);
            var value = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            switch (random.Next(4))
            {
                case 0:
                case 1:
                    var region = random.Next(bases.Length);
                    var size = sizes[random.Next(sizes.Length)];
                    var address = bases[region] + ((ulong)random.NextInt64((long)spans[region]) & ~(ulong)(size - 1));
                    if (random.Next(2) == 0)
                        machine.Bus.TryReadDevice(core, address, size, out _);
                    else
                        machine.Bus.TryWriteDevice(core, address, size, value);
                    break;
                case 2:
                    var access = new SystemRegisterAccess(core, random.Next(3), (ulong)random.Next(64), new SystemRegisterKey(keys[random.Next(keys.Length)]));
                    var device = registerDevices[random.Next(2)];
                    if (random.Next(2) == 0)
                        device.TryRead(access, out _);
                    else
                        device.TryWrite(access, value);
                    break;
                default:
                    machine.Gic.SetLevel(core, random.Next(Gicv3.InterruptCount), random.Next(2) == 0);
                    machine.Clock.Advance((ulong)random.Next(1000));
                    machine.Timer.Update();
                    break;
            }
        }
        Assert.Equal(2, cores.Count);
    }
}
