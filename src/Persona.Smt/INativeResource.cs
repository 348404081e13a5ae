namespace Persona.Smt;

/// <summary>A Z3 object other than an AST (a solver, a model) whose reference a scope releases.</summary>
internal interface INativeResource
{
    /// <summary>Drops the reference; a second call does nothing.</summary>
    void Release();
}
