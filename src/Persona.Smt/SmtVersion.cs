namespace Persona.Smt;

/// <summary>The version of the Z3 library loaded in process, recorded beside proof results.</summary>
/// <param name="Major">Major version, 4 for Debian's libz3-4.</param>
/// <param name="Minor">Minor version.</param>
/// <param name="Build">Build number.</param>
/// <param name="Revision">Revision number.</param>
/// <param name="FullText">Z3's own full version string (<c>Z3_get_full_version</c>).</param>
public sealed record SmtVersion(int Major, int Minor, int Build, int Revision, string FullText)
{
    /// <summary>The dotted version, e.g. <c>4.8.12.0</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}.{Build}.{Revision}";
}
