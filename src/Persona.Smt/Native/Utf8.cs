using System.Runtime.InteropServices;
using System.Text;

namespace Persona.Smt.Native;

/// <summary>Converts between .NET strings and the NUL-terminated UTF-8 strings of Z3's C API.</summary>
internal static class Utf8
{
    /// <summary>The NUL-terminated UTF-8 bytes of a string, ready to pin and pass to Z3.</summary>
    internal static byte[] Terminated(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>Copies a Z3-owned string (valid only until the next Z3 call) into a .NET string.</summary>
    internal static string Read(nint pointer) => pointer == 0 ? "" : Marshal.PtrToStringUTF8(pointer) ?? "";
}
