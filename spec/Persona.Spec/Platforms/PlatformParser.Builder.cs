using Persona.Spec.Model;

namespace Persona.Spec.Platforms;

/// <summary>The declarations of a platform file and the checks that make a platform well formed.</summary>
public static partial class PlatformParser
{
    private sealed class Builder(string source)
    {
        private static readonly Dictionary<string, RegionKind> RegionKinds = new()
        {
            ["hypervisor"] = RegionKind.Hypervisor,
            ["personal"] = RegionKind.Personal,
            ["work"] = RegionKind.Work,
            ["pool-personal"] = RegionKind.PersonalPool,
            ["pool-work"] = RegionKind.WorkPool,
            ["keystore"] = RegionKind.KeyStore,
        };

        private static readonly Dictionary<string, DeviceKind> DeviceKinds = new()
        {
            ["exclusive"] = DeviceKind.Exclusive,
            ["foreground"] = DeviceKind.Foreground,
            ["mediated"] = DeviceKind.Mediated,
        };

        private static readonly Dictionary<string, Component> Components = new()
        {
            ["personal"] = Component.Personal,
            ["work"] = Component.Work,
            ["hypervisor"] = Component.Hypervisor,
        };

        private readonly List<(MemoryRegion Region, Token At)> regions = [];
        private readonly List<(DeviceDescription Device, Token At)> devices = [];
        private readonly Dictionary<string, Token> assigned = [];
        private readonly List<(PartitionDescription Partition, Token At)> partitions = [];
        private string? name;
        private AddressRange? ram;
        private Token ramAt;

        public void Declare(List<Token> tokens)
        {
            var keyword = tokens[0];
            var fields = Fields(tokens);
            switch (keyword.Text)
            {
                case "platform":
                    if (name is not null) throw Fault(keyword, "a second 'platform' declaration");
                    name = Required(fields, keyword, "name").Text;
                    Done(fields);
                    break;
                case "ram":
                    if (ram is not null) throw Fault(keyword, "a second 'ram' declaration");
                    ram = Range(fields, keyword).Range;
                    ramAt = keyword;
                    Done(fields);
                    break;
                case "region":
                    DeclareRegion(fields, keyword);
                    break;
                case "device":
                    DeclareDevice(fields, keyword);
                    break;
                case "assign":
                    DeclareAssignment(fields, keyword);
                    break;
                case "partition":
                    DeclarePartition(fields, keyword);
                    break;
                default:
                    throw Fault(keyword, $"unknown declaration '{keyword.Text}' (expected platform, ram, region, device, assign or partition)");
            }
        }

        private void DeclareRegion(Dictionary<string, Token> fields, Token keyword)
        {
            var regionName = Required(fields, keyword, "name");
            var kindToken = Required(fields, keyword, "kind");
            if (!RegionKinds.TryGetValue(kindToken.Text, out var kind))
                throw Fault(kindToken, $"unknown region kind '{kindToken.Text}' (expected {string.Join(", ", RegionKinds.Keys)})");
            var (range, baseToken, sizeToken) = Range(fields, keyword);
            Aligned(range, baseToken, sizeToken, "region");
            if (ram is not { } r || range.Base < r.Base || range.End > r.End)
                throw Fault(baseToken, $"region '{regionName.Text}' ({range}) lies outside RAM{(ram is null ? " (declare 'ram' first)" : $" ({ram})")}");
            foreach (var (other, at) in regions)
            {
                if (other.Name == regionName.Text) throw Fault(regionName, $"region '{regionName.Text}' is declared twice (first at line {at.Line})");
                if (other.Range.Overlaps(range))
                    throw Fault(baseToken, $"region '{regionName.Text}' ({range}) overlaps region '{other.Name}' ({other.Range}) declared at line {at.Line}");
            }
            Done(fields);
            regions.Add((new MemoryRegion(regionName.Text, kind, range), keyword));
        }

        private void DeclareDevice(Dictionary<string, Token> fields, Token keyword)
        {
            var deviceName = Required(fields, keyword, "name");
            var kindToken = Required(fields, keyword, "kind");
            if (!DeviceKinds.TryGetValue(kindToken.Text, out var kind))
                throw Fault(kindToken, $"unknown device kind '{kindToken.Text}' (expected {string.Join(", ", DeviceKinds.Keys)})");
            var mmioToken = Required(fields, keyword, "mmio");
            var hasSize = fields.TryGetValue("size", out var sizeToken);
            var mmio = new AddressRange(Number(mmioToken), hasSize ? Number(sizeToken) : Platform.PageSize);
            fields.Remove("mmio");
            fields.Remove("size");
            if (mmio.Size == 0) throw Fault(sizeToken, "size must not be zero");
            if (mmio.Base > ulong.MaxValue - mmio.Size) throw Fault(hasSize ? sizeToken : mmioToken, "range runs past the end of the address space");
            Aligned(mmio, mmioToken, hasSize ? sizeToken : mmioToken, "device register window");
            var irqToken = Required(fields, keyword, "irq");
            var irq = Number(irqToken);
            if (irq is < 32 or > 1019) throw Fault(irqToken, $"interrupt {irq} is not a shared peripheral interrupt (32..1019)");
            var dma = fields.TryGetValue("dma", out var dmaToken) && YesNo(dmaToken);
            fields.Remove("dma");
            if (ram is { } r && mmio.Overlaps(r)) throw Fault(mmioToken, $"device '{deviceName.Text}' registers {mmio} overlap RAM {r}");
            foreach (var (other, at) in devices)
            {
                if (other.Name == deviceName.Text) throw Fault(deviceName, $"device '{deviceName.Text}' is declared twice (first at line {at.Line})");
                if (other.Mmio.Overlaps(mmio))
                    throw Fault(mmioToken, $"device '{deviceName.Text}' registers {mmio} overlap device '{other.Name}' ({other.Mmio}) declared at line {at.Line}");
            }
            Done(fields);
            devices.Add((new DeviceDescription(deviceName.Text, kind, mmio, (int)irq, dma, kind == DeviceKind.Mediated ? Component.Hypervisor : null), keyword));
        }

        private void DeclareAssignment(Dictionary<string, Token> fields, Token keyword)
        {
            var deviceToken = Required(fields, keyword, "device");
            var toToken = Required(fields, keyword, "to");
            var index = devices.FindIndex(d => d.Device.Name == deviceToken.Text);
            if (index < 0) throw Fault(deviceToken, $"unknown device '{deviceToken.Text}' (declare it with 'device' before assigning it)");
            if (!Components.TryGetValue(toToken.Text, out var owner))
                throw Fault(toToken, $"unknown persona '{toToken.Text}' (expected personal, work or hypervisor)");
            var device = devices[index].Device;
            if (device.Kind == DeviceKind.Mediated)
                throw Fault(deviceToken, $"device '{device.Name}' is mediated by the hypervisor and cannot be assigned");
            if (assigned.TryGetValue(device.Name, out var first))
                throw Fault(deviceToken, $"device '{device.Name}' is in two exclusive assignments (first at line {first.Line})");
            Done(fields);
            assigned[device.Name] = keyword;
            devices[index] = (device with { Owner = owner }, devices[index].At);
        }

        private void DeclarePartition(Dictionary<string, Token> fields, Token keyword)
        {
            var personaToken = Required(fields, keyword, "persona");
            if (!Components.TryGetValue(personaToken.Text, out var persona) || persona == Component.Hypervisor)
                throw Fault(personaToken, $"unknown persona '{personaToken.Text}' (expected personal or work)");
            var firstToken = Required(fields, keyword, "first-block");
            var blocksToken = Required(fields, keyword, "blocks");
            var first = Number(firstToken);
            var blocks = Number(blocksToken);
            if (blocks == 0) throw Fault(blocksToken, "a partition needs at least one block");
            var encrypted = fields.TryGetValue("encrypted", out var e) && YesNo(e);
            fields.Remove("encrypted");
            foreach (var (other, at) in partitions)
            {
                if (other.Persona == persona) throw Fault(personaToken, $"persona '{personaToken.Text}' has a second partition (first at line {at.Line})");
                if (first < other.FirstBlock + other.Blocks && other.FirstBlock < first + blocks)
                    throw Fault(firstToken, $"partition of '{personaToken.Text}' overlaps the partition declared at line {at.Line}");
            }
            Done(fields);
            partitions.Add((new PartitionDescription(persona, first, blocks, encrypted), keyword));
        }

        public Platform Build()
        {
            var end = new Token("", 1, 1);
            if (name is null) throw Fault(end, "missing 'platform name=...' declaration");
            if (ram is null) throw Fault(end, "missing 'ram base=... size=...' declaration");
            foreach (var kind in new[] { RegionKind.Hypervisor, RegionKind.Personal, RegionKind.Work, RegionKind.KeyStore })
            {
                if (!regions.Any(r => r.Region.Kind == kind))
                    throw Fault(ramAt, $"no region of kind '{kind.ToString().ToLowerInvariant()}' (every platform needs one)");
            }
            var work = partitions.FirstOrDefault(p => p.Partition.Persona == Component.Work);
            if (work.Partition is { Encrypted: false }) throw Fault(work.At, "the work partition must be encrypted (encrypted=yes)");
            return new Platform(name, source, ram.Value,
                [.. regions.Select(r => r.Region).OrderBy(r => r.Range.Base)],
                [.. devices.Select(d => d.Device)],
                [.. partitions.Select(p => p.Partition)]);
        }

        private Dictionary<string, Token> Fields(List<Token> tokens)
        {
            var fields = new Dictionary<string, Token>();
            foreach (var t in tokens.Skip(1))
            {
                var eq = t.Text.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == t.Text.Length - 1) throw Fault(t, $"expected key=value, found '{t.Text}'");
                var key = t.Text[..eq];
                if (fields.ContainsKey(key)) throw Fault(t, $"'{key}' is given twice");
                fields[key] = new Token(t.Text[(eq + 1)..], t.Line, t.Column + eq + 1);
            }
            return fields;
        }

        private Token Required(Dictionary<string, Token> fields, Token keyword, string key)
        {
            if (!fields.Remove(key, out var value)) throw Fault(keyword, $"'{keyword.Text}' needs {key}=...");
            return value;
        }

        private void Done(Dictionary<string, Token> fields)
        {
            // Fields keeps the value's place; the fault is the key, which starts key.Length + 1 columns earlier.
            foreach (var (key, value) in fields)
                throw Fault(value with { Column = value.Column - key.Length - 1 }, $"unknown key '{key}'");
        }

        private (AddressRange Range, Token BaseToken, Token SizeToken) Range(Dictionary<string, Token> fields, Token keyword)
        {
            var baseToken = Required(fields, keyword, "base");
            var sizeToken = Required(fields, keyword, "size");
            var range = new AddressRange(Number(baseToken), Number(sizeToken));
            if (range.Size == 0) throw Fault(sizeToken, "size must not be zero");
            if (range.Base > ulong.MaxValue - range.Size) throw Fault(sizeToken, "range runs past the end of the address space");
            return (range, baseToken, sizeToken);
        }

        // The fault points at the value that is wrong (the base or the size), so the column leads the user to it.
        private void Aligned(AddressRange range, Token baseToken, Token sizeToken, string what)
        {
            if (range.Base % Platform.PageSize != 0) throw Fault(baseToken, $"{what} {range} is not aligned to 4 KiB pages");
            if (range.Size % Platform.PageSize != 0) throw Fault(sizeToken, $"{what} {range} is not aligned to 4 KiB pages");
        }

        private ulong Number(Token t) =>
            TryParseNumber(t.Text, out var v) ? v : throw Fault(t, $"'{t.Text}' is not a number (decimal or 0x hex, optional KiB/MiB/GiB)");

        private bool YesNo(Token t) => t.Text switch
        {
            "yes" => true,
            "no" => false,
            _ => throw Fault(t, $"expected yes or no, found '{t.Text}'"),
        };

        private PlatformFileException Fault(Token at, string fault) => new(source, at.Line, at.Column, fault);
    }
}
