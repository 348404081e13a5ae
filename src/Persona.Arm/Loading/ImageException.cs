namespace Persona.Arm.Loading;

/// <summary>A bad guest image: the message names the file and what is wrong with it.</summary>
public sealed class ImageException : Exception
{
    /// <summary>Creates the exception for <paramref name="imagePath"/> with the fault found in it.</summary>
    public ImageException(string imagePath, string fault)
        : base($"image '{imagePath}': {fault}")
    {
        ImagePath = imagePath;
        Fault = fault;
    }

    /// <summary>The image file that was rejected.</summary>
    public string ImagePath { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Fault { get; }
}
