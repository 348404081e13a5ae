using System.Security.Cryptography;

namespace Persona.Hypervisor.Devices;

/// <summary>XTS-AES-128 over 512-byte sectors (IEEE 1619's construction, written here on AES-ECB): the work partition's cipher.</summary>
/// <remarks>XTS rather than CTR with the sector number as nonce: CTR reuses the same keystream every time a sector is rewritten,
/// so two versions of a sector XOR to the XOR of their plaintexts; XTS reveals at most that one 16-byte block at one position
/// holds the same value as before. The 32-byte work key splits into the data key (first half) and the tweak key (second half).</remarks>
public sealed class SectorCipher : IDisposable
{
    /// <summary>The sector size the cipher works on.</summary>
    public const int SectorSize = 512;

    private const int BlockSize = 16;
    private readonly Aes data = Aes.Create();
    private readonly Aes tweak = Aes.Create();

    /// <summary>A cipher keyed with a 32-byte XTS key.</summary>
    public SectorCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
            throw new ArgumentException($"an XTS-AES-128 key is 32 bytes, not {key.Length}", nameof(key));
        if (key[..BlockSize].SequenceEqual(key[BlockSize..]))
            throw new ArgumentException("the XTS data key and tweak key must differ", nameof(key));
        data.Key = key[..BlockSize].ToArray();
        tweak.Key = key[BlockSize..].ToArray();
    }

    /// <summary>Encrypts one sector in place; <paramref name="sector"/> is its number on the physical medium (the tweak).</summary>
    public void Encrypt(long sector, Span<byte> bytes) => Transform(sector, bytes, encrypt: true);

    /// <summary>Decrypts one sector in place.</summary>
    public void Decrypt(long sector, Span<byte> bytes) => Transform(sector, bytes, encrypt: false);

    private void Transform(long sector, Span<byte> bytes, bool encrypt)
    {
        if (bytes.Length != SectorSize)
            throw new ArgumentException($"a sector is {SectorSize} bytes, not {bytes.Length}", nameof(bytes));
        Span<byte> t = stackalloc byte[BlockSize];
        t.Clear();
        BitConverter.TryWriteBytes(t, sector);
        tweak.EncryptEcb(t, t, PaddingMode.None);
        Span<byte> block = stackalloc byte[BlockSize];
        for (var offset = 0; offset < SectorSize; offset += BlockSize)
        {
            var chunk = bytes.Slice(offset, BlockSize);
            Xor(chunk, t, block);
            if (encrypt)
                data.EncryptEcb(block, block, PaddingMode.None);
            else
                data.DecryptEcb(block, block, PaddingMode.None);
            Xor(block, t, chunk);
            MultiplyByAlpha(t);
        }
    }

    private static void Xor(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> into)
    {
        for (var i = 0; i < BlockSize; i++)
            into[i] = (byte)(a[i] ^ b[i]);
    }

    /// <summary>The tweak's step between blocks: multiplication by x in GF(2^128) with XTS's little-endian byte order.</summary>
    private static void MultiplyByAlpha(Span<byte> t)
    {
        var carry = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var next = t[i] >> 7;
            t[i] = (byte)((t[i] << 1) | carry);
            carry = next;
        }
        if (carry != 0)
            t[0] ^= 0x87;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        data.Dispose();
        tweak.Dispose();
    }
}
