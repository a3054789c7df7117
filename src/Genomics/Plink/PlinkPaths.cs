namespace Genomics.Plink;

/// <summary>The three files of a PLINK 1 fileset.</summary>
/// <param name="Bed">Genotypes.</param>
/// <param name="Bim">Variants.</param>
/// <param name="Fam">Samples.</param>
public sealed record PlinkPaths(string Bed, string Bim, string Fam)
{
    private static readonly string[] Extensions = [".bed", ".bim", ".fam"];

    /// <summary>The prefix the three paths share.</summary>
    public string Prefix => Bed[..^4];

    /// <summary>
    /// Resolves what users type: a prefix ("data") or the path of any of the three files ("data.bim").
    /// The extension is recognised in any letter case and replaced by the lower-case ones.
    /// </summary>
    public static PlinkPaths FromAnyPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var prefix = Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? path[..^4] : path;
        return new PlinkPaths(prefix + ".bed", prefix + ".bim", prefix + ".fam");
    }

    /// <summary>
    /// True when the path names a PLINK fileset rather than another format: it ends in .bed/.bim/.fam, or
    /// is a prefix for which one of the three files exists.
    /// </summary>
    public static bool LooksLikeFileset(string path)
    {
        if (Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return !File.Exists(path) && Extensions.Any(e => File.Exists(path + e));
    }

    /// <summary>Fails with one message listing every missing file, so a wrong prefix is obvious at once.</summary>
    /// <exception cref="FileNotFoundException">One or more of the files does not exist.</exception>
    public void RequireExisting()
    {
        var missing = new[] { Bed, Bim, Fam }.Where(p => !File.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new FileNotFoundException($"PLINK fileset '{Prefix}' is incomplete: missing {string.Join(", ", missing)}", missing[0]);
        }
    }
}
