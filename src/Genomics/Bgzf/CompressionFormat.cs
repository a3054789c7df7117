namespace Genomics.Bgzf;

/// <summary>How an input file's bytes are compressed, as told by its first bytes.</summary>
public enum CompressionFormat
{
    /// <summary>Not gzip at all: the bytes are passed through as they are.</summary>
    Uncompressed,

    /// <summary>Gzip (RFC 1952), possibly several members, without BGZF block sizes: inflated on one thread.</summary>
    Gzip,

    /// <summary>BGZF: gzip members of at most 64 KiB each carrying their size in a 'BC' extra subfield, inflated in parallel.</summary>
    Bgzf,
}
