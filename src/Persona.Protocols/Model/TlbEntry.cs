namespace Persona.Protocols.Model;

/// <summary>A translation cached in one core's TLB: the page, tagged with the VMID of the component it was walked for.</summary>
/// <param name="Core">The physical core.</param>
/// <param name="Owner">The component whose stage-2 tables produced the translation.</param>
/// <param name="Page">The page.</param>
public readonly record struct TlbEntry(int Core, Component Owner, long Page);
