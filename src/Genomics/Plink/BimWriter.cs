using System.Text;

namespace Genomics.Plink;

/// <summary>Streams a .bim file; records read by <see cref="BimReader"/> come back byte for byte.</summary>
internal sealed class BimWriter : IDisposable
{
    private readonly StreamWriter writer;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public BimWriter(Stream output, bool leaveOpen = false)
    {
        writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen);
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    public static BimWriter Create(string path) => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None));

    /// <summary>Appends one variant's line.</summary>
    public void Write(BimRecord record)
    {
        var line = record.ToLine();
        writer.Write(line.Text);
        writer.Write(line.Terminator);
    }

    /// <summary>Pushes buffered lines to the stream.</summary>
    public void Flush() => writer.Flush();

    public void Dispose() => writer.Dispose();
}
