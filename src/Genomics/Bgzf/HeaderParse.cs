namespace Genomics.Bgzf;

/// <summary>Outcome of looking at the bytes where a BGZF block should start.</summary>
internal enum HeaderParse
{
    Ok,

    /// <summary>Nothing wrong so far, but more bytes are needed to decide.</summary>
    NeedMore,

    /// <summary>The bytes cannot be a BGZF block header.</summary>
    Damaged,
}
