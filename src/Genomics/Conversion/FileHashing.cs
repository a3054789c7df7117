using System.Security.Cryptography;

namespace Genomics.Conversion;

/// <summary>SHA-256 of whole files, for the manifest's record of inputs.</summary>
internal static class FileHashing
{
    public static Dataset.DatasetInput Describe(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return new Dataset.DatasetInput(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(hash));
    }
}
