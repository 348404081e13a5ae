using System.Buffers.Binary;

namespace Persona.Hypervisor.Devices;

public sealed partial class VirtualBlockDevice
{
    private const ushort DescriptorNext = 1;
    private const ushort DescriptorWrite = 2;
    private const uint RequestIn = 0;
    private const uint RequestOut = 1;
    private const byte StatusOk = 0;
    private const byte StatusIoError = 1;
    private const byte StatusUnsupported = 2;

    private readonly record struct Descriptor(ulong Address, uint Length, ushort Flags, ushort Next)
    {
        public bool DeviceWrites => (Flags & DescriptorWrite) != 0;
    }

    /// <summary>Serves the request whose chain starts at <paramref name="head"/>; returns the bytes written into the driver's buffers.</summary>
    private uint Serve(ushort head)
    {
        var chain = new List<Descriptor>();
        var next = head;
        while (true)
        {
            if (next >= queueSize || chain.Count >= queueSize || ReadDescriptor(next) is not { } d)
                return Refuse(chain, false, 0, $"descriptor chain from {head} is malformed or outside the persona's memory");
            chain.Add(d);
            if ((d.Flags & DescriptorNext) == 0)
                break;
            next = d.Next;
        }
        if (chain.Count < 2 || chain[0].DeviceWrites || chain[0].Length < 16 || !chain[^1].DeviceWrites || chain[^1].Length < 1)
            return Refuse(chain, false, 0, "a request needs a header, data and a status descriptor");
        Span<byte> header = stackalloc byte[16];
        if (!memory.TryRead(chain[0].Address, header))
            return Refuse(chain, false, 0, $"the request header at IPA 0x{chain[0].Address:x} is not the persona's memory");
        var type = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var sector = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        var data = chain.Skip(1).Take(chain.Count - 2).ToList();
        var write = type == RequestOut;
        if (type is not (RequestIn or RequestOut))
            return Finish(chain, StatusUnsupported, 0, (write, null, sector, 0, $"request type {type} is not supported"));
        var total = data.Sum(d => (long)d.Length);
        if (total == 0 || total > MaxTransfer || total % SectorCipher.SectorSize != 0 || data.Any(d => d.DeviceWrites == write))
            return Refuse(chain, write, sector, $"data of {total} bytes is not whole sectors up to {MaxTransfer}, or flows the wrong way");
        var buffer = new byte[total];
        if (write)
        {
            var at = 0;
            foreach (var d in data)
            {
                if (!memory.TryRead(d.Address, buffer.AsSpan(at, (int)d.Length)))
                    return Refuse(chain, write, sector, $"a data buffer at IPA 0x{d.Address:x}+0x{d.Length:x} is not the persona's memory");
                at += (int)d.Length;
            }
        }
        else if (data.FirstOrDefault(d => !CanWrite(d)) is { Length: > 0 } foreign)
        {
            return Refuse(chain, write, sector, $"a data buffer at IPA 0x{foreign.Address:x}+0x{foreign.Length:x} is not the persona's memory");
        }
        var outcome = storage.Transfer(persona, write, sector, buffer);
        uint written = 0;
        if (outcome == StorageOutcome.Done && !write)
        {
            var at = 0;
            foreach (var d in data)
            {
                memory.TryWrite(d.Address, buffer.AsSpan(at, (int)d.Length));
                at += (int)d.Length;
            }
            written = (uint)total;
        }
        var refusal = outcome == StorageOutcome.Done ? null : $"sectors {sector}+{total / SectorCipher.SectorSize}: {outcome}";
        return Finish(chain, outcome == StorageOutcome.Done ? StatusOk : StatusIoError, written, (write, outcome, sector, (int)(total / SectorCipher.SectorSize), refusal));
    }

    private bool CanWrite(Descriptor d)
    {
        // Probe without changing anything: read the range (a persona's own pages are both readable and writable).
        var probe = new byte[d.Length];
        return memory.TryRead(d.Address, probe);
    }

    private uint Refuse(List<Descriptor> chain, bool write, ulong sector, string why) =>
        Finish(chain, StatusIoError, 0, (write, null, sector, 0, why));

    private uint Finish(List<Descriptor> chain, byte result, uint written, (bool, StorageOutcome?, ulong, int, string?) record)
    {
        Completed.Add(record);
        if (chain.Count > 0 && chain[^1].DeviceWrites && chain[^1].Length >= 1)
            memory.TryWrite(chain[^1].Address, [result]);
        return written + (chain.Count > 0 && chain[^1].DeviceWrites ? 1u : 0u);
    }

    private Descriptor? ReadDescriptor(ushort index)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!memory.TryRead(descriptorTable + (16UL * index), bytes))
            return null;
        return new Descriptor(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[12..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[14..]));
    }
}
