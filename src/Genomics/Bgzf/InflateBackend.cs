namespace Genomics.Bgzf;

/// <summary>Which DEFLATE decoder inflates BGZF blocks.</summary>
public enum InflateBackend
{
    /// <summary>The system's libdeflate (libdeflate.so.0): the fastest, used whenever it loads.</summary>
    Libdeflate,

    /// <summary>.NET's built-in DeflateStream and a table-driven CRC32: always available, somewhat slower.</summary>
    Managed,
}
