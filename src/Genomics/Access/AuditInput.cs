using System.Security.Cryptography;

namespace Genomics.Access;

/// <summary>An input named in an audit line, with the sha256 of its content (null for standard input).</summary>
public sealed record AuditInput(string Path, string? Sha256)
{
    /// <summary>
    /// A file is hashed whole; a dataset folder by its manifest.json (which lists its own inputs' hashes); "-"
    /// (standard input) and a folder without a manifest get no hash.
    /// </summary>
    public static AuditInput FromPath(string path)
    {
        if (path == "-")
        {
            return new AuditInput(path, null);
        }

        var full = System.IO.Path.GetFullPath(path);
        var hashed = Directory.Exists(full) ? System.IO.Path.Combine(full, "manifest.json") : full;
        if (!File.Exists(hashed))
        {
            return new AuditInput(full, null);
        }

        using var stream = File.OpenRead(hashed);
        return new AuditInput(full, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
