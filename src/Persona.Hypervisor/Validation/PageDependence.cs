using Persona.Spec.Terms;

namespace Persona.Hypervisor.Validation;

/// <summary>How a term depends on the pages it binds: whether only through the platform's functions (the boot state's regions).</summary>
/// <remarks>When it does, the term's value is the same at every page of a run on which the platform's page functions are constant
/// (<see cref="Persona.Spec.Concrete.World.PageRunStarts"/>), so the boot check reads it once per run instead of once per page.</remarks>
internal static class PageDependence
{
    /// <summary>Whether every page variable the term binds occurs only as the argument of a platform function, and the term reads no state.</summary>
    public static bool OnlyThroughPlatformFunctions(Expr term)
    {
        switch (term)
        {
            case Apply { Argument: Variable v } when v.Sort == Sorts.Page:
                return true;
            case Variable v:
                return v.Sort != Sorts.Page;
            case FieldRead:
                return false;
            default:
                foreach (var child in Traversal.Children(term))
                {
                    if (!OnlyThroughPlatformFunctions(child))
                        return false;
                }
                return true;
        }
    }
}
