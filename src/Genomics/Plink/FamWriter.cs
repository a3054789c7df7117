using System.Text;

namespace Genomics.Plink;

/// <summary>Writes a .fam file; records read by <see cref="FamReader"/> come back byte for byte.</summary>
internal static class FamWriter
{
    /// <summary>Writes <paramref name="samples"/> to a new file at <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<FamRecord> samples)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(stream, samples);
    }

    /// <summary>Writes <paramref name="samples"/> to <paramref name="output"/>, which stays open.</summary>
    public static void Write(Stream output, IEnumerable<FamRecord> samples)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        foreach (var sample in samples)
        {
            var line = sample.ToLine();
            writer.Write(line.Text);
            writer.Write(line.Terminator);
        }
    }
}
