namespace Genomics;

/// <summary>
/// What is wrong with an input. The CLI maps each kind to its own exit code (documented in the README),
/// so scripts can tell a truncated download from a malformed record.
/// </summary>
public enum InputErrorKind
{
    /// <summary>The file ends early (missing BGZF EOF block, short .bed, cut record).</summary>
    Truncated,

    /// <summary>Bytes are damaged (bad magic inside a block, CRC mismatch, invalid compressed data).</summary>
    Corrupt,

    /// <summary>The file is not of the expected format at all (wrong magic bytes, not VCF text, empty file).</summary>
    NotRecognized,

    /// <summary>A record or header line breaks the format's rules.</summary>
    Malformed,

    /// <summary>Files that must agree do not (.fam/.bim counts vs .bed size, sample lists).</summary>
    Mismatch,

    /// <summary>Valid input that uses something the engine does not support.</summary>
    Unsupported,
}
